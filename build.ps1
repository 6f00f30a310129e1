#!/usr/bin/env pwsh
# Bootstrapper: restores the pinned local tools (.config/dotnet-tools.json) and runs the Cake build.
# Every argument passes through, e.g. ./build.ps1 --target=Test --configuration=Debug
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Push-Location $PSScriptRoot
try {
    $env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
    $env:DOTNET_NOLOGO = '1'
    dotnet tool restore | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "dotnet tool restore failed ($LASTEXITCODE)" }
    dotnet cake build/build.cake @args
    exit $LASTEXITCODE
}
finally {
    Pop-Location
}
