using TaxiDuration.Data.Reading;
using TaxiDuration.Data.Synthetic;
using TaxiDuration.TestSupport;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Tests.Synthetic;

/// <summary>Writes and reads back small synthetic months, the test data of the synthetic, download and catalog tests.</summary>
internal static class SyntheticMonths
{
    public static readonly TaxiMonth January2021 = TaxiMonth.Parse("green 2021-01");

    public static async Task<string> WriteAsync(
        TemporaryFolder folder, int rows, int seed = 42, SyntheticScenario scenario = SyntheticScenario.None, TaxiMonth? month = null, string? name = null)
    {
        var target = month ?? January2021;
        var path = folder.File(name ?? $"{scenario}-{seed}-{rows}-{target.FileName}");
        await new SyntheticMonthGenerator().WriteAsync(target, path, new SyntheticMonthOptions { Rows = rows, Seed = seed, Scenario = scenario });
        return path;
    }

    public static async Task<TripRecord[]> GenerateAsync(
        TemporaryFolder folder, int rows, int seed = 42, SyntheticScenario scenario = SyntheticScenario.None) =>
        await new TlcTripReader().ReadAllAsync(await WriteAsync(folder, rows, seed, scenario));

    /// <summary>A small month as bytes, for a server to serve.</summary>
    public static async Task<byte[]> BytesAsync(int rows = 2_000)
    {
        using var folder = new TemporaryFolder();
        return await File.ReadAllBytesAsync(await WriteAsync(folder, rows));
    }
}
