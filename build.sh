#!/usr/bin/env bash
# Bootstrapper: restores the pinned local tools (.config/dotnet-tools.json) and runs the Cake build.
# Every argument passes through, e.g. ./build.sh --target=Test --configuration=Debug
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
exec dotnet cake build/build.cake "$@"
