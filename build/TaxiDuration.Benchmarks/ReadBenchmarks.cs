using BenchmarkDotNet.Attributes;
using TaxiDuration.Data.Reading;
using TaxiDuration.Features;
using TaxiDuration.Trips;

namespace TaxiDuration.Benchmarks;

/// <summary>
/// Reading and featurizing green 2021-01 (76,518 rows → 73,908 examples), the first step of every training run.
/// Budget: read + featurize at most 100 ms warm.
/// </summary>
[MemoryDiagnoser]
public class ReadBenchmarks
{
    private readonly TlcTripReader reader = new();
    private string path = "";
    private TripRecord[] records = [];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        path = BenchmarkData.MonthPath();
        records = await reader.ReadAllAsync(path);
    }

    [Benchmark(Baseline = true, Description = "read + featurize green 2021-01")]
    public async Task<int> ReadAndFeaturize() => TripFeaturizer.Featurize(await reader.ReadAllAsync(path)).KeptRows;

    [Benchmark(Description = "read + featurize, streamed by row group")]
    public async Task<int> ReadAndFeaturizeStreamed() => (await TripFeaturizer.FeaturizeAsync(reader.ReadRowGroupsAsync(path))).KeptRows;

    [Benchmark(Description = "read + featurize, streamed as columns (training's path)")]
    public async Task<int> ReadAndFeaturizeColumns() => (await TripFeaturizer.FeaturizeAsync(reader.ReadColumnsAsync(path))).KeptRows;

    [Benchmark(Description = "read only")]
    public async Task<int> ReadOnly() => (await reader.ReadAllAsync(path)).Length;

    [Benchmark(Description = "featurize only (records in memory)")]
    public int FeaturizeOnly() => TripFeaturizer.Featurize(records).KeptRows;
}
