using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using TaxiDuration.Benchmarks;

// Fail before BenchmarkDotNet starts its child processes: without the data there is nothing to measure.
if (BenchmarkData.MissingReason() is { } reason)
{
    await Console.Error.WriteLineAsync(reason);
    return 2;
}

// BenchmarkDotNet rebuilds the solution's projects for each job; on a 2-core machine that can exceed its default
// 2-minute build timeout. (`--inProcess` skips that build altogether, at some loss of isolation.)
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkData).Assembly).Run(args, config);
return 0;
