using System.Security.Cryptography;
using Parquet;
using TaxiDuration.Data.Reading;
using TaxiDuration.Data.Synthetic;
using TaxiDuration.TestSupport;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Tests.Synthetic;

public sealed class SyntheticMonthGeneratorTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    [Fact]
    public async Task Same_seed_writes_byte_identical_files()
    {
        var first = await SyntheticMonths.WriteAsync(folder, rows: 5_000, seed: 7, name: "first.parquet");
        var second = await SyntheticMonths.WriteAsync(folder, rows: 5_000, seed: 7, name: "second.parquet");

        Assert.Equal(SHA256.HashData(await File.ReadAllBytesAsync(first)), SHA256.HashData(await File.ReadAllBytesAsync(second)));
    }

    [Fact]
    public async Task Different_seeds_write_different_trips()
    {
        var first = await SyntheticMonths.GenerateAsync(folder, rows: 5_000, seed: 1);
        var second = await SyntheticMonths.GenerateAsync(folder, rows: 5_000, seed: 2);

        Assert.Equal(first.Length, second.Length);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Consecutive_months_of_one_seed_differ_and_stay_in_their_month()
    {
        var january = await SyntheticMonths.WriteAsync(folder, rows: 3_000, month: TaxiMonth.Parse("2021-01"));
        var february = await SyntheticMonths.WriteAsync(folder, rows: 3_000, month: TaxiMonth.Parse("2021-02"));
        var reader = new TlcTripReader();

        var januaryTrips = await reader.ReadAllAsync(january);
        var februaryTrips = await reader.ReadAllAsync(february);

        Assert.NotEqual(januaryTrips.Select(trip => trip.PickupLocationId), februaryTrips.Select(trip => trip.PickupLocationId));
        Assert.True(februaryTrips.Count(trip => TaxiMonth.Parse("2021-02").Contains(trip.PickupTime!.Value)) > 0.99 * februaryTrips.Length);
    }

    [Fact]
    public async Task Reader_reads_the_requested_rows_as_schema_B_with_ZSTD()
    {
        var path = await SyntheticMonths.WriteAsync(folder, rows: 4_321);
        var reader = new TlcTripReader();

        var info = await reader.InspectAsync(path);
        var trips = await reader.ReadAllAsync(path);

        Assert.Equal(4_321, trips.Length);
        Assert.Equal(TlcSchemaVariant.B, info.Variant);
        Assert.Equal(TaxiService.Green, info.Service);
        Assert.Equal("ZSTD", info.Compression);
        Assert.Equal(20, info.Columns.Count);
        Assert.Empty(info.MissingOptionalColumns);
    }

    [Fact]
    public async Task File_metadata_marks_it_synthetic()
    {
        var path = await SyntheticMonths.WriteAsync(folder, rows: 1_000, seed: 9, scenario: SyntheticScenario.SlowTraffic);

        await using var parquet = await ParquetReader.CreateAsync(path);

        Assert.Equal("scenario=SlowTraffic;seed=9;rows=1000", parquet.CustomMetadata[SyntheticMonthGenerator.MetadataKey]);
    }

    [Fact]
    public async Task A_cancelled_write_leaves_no_file_behind()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new SyntheticMonthGenerator()
            .WriteAsync(SyntheticMonths.January2021, folder.File("month.parquet"), new SyntheticMonthOptions { Rows = 1_000 }, cancelled.Token));

        Assert.Empty(folder.Files());
    }

    [Fact]
    public async Task Rewriting_replaces_the_file_and_leaves_no_temporary_files()
    {
        await SyntheticMonths.WriteAsync(folder, rows: 1_000, seed: 1, name: "month.parquet");
        await SyntheticMonths.WriteAsync(folder, rows: 2_000, seed: 1, name: "month.parquet");

        Assert.Equal(["month.parquet"], folder.Files());
        Assert.Equal(2_000, (await new TlcTripReader().ReadAllAsync(folder.File("month.parquet"))).Length);
    }

    [Fact]
    public async Task Invalid_options_and_yellow_months_are_refused_with_the_reason()
    {
        var generator = new SyntheticMonthGenerator();

        var noRows = await Assert.ThrowsAsync<ArgumentException>(() =>
            generator.WriteAsync(SyntheticMonths.January2021, folder.File("a.parquet"), new SyntheticMonthOptions { Rows = 0 }));
        var yellow = await Assert.ThrowsAsync<ArgumentException>(() =>
            generator.WriteAsync(TaxiMonth.Parse("yellow 2021-01"), folder.File("b.parquet"), new SyntheticMonthOptions()));

        Assert.Contains("Rows", noRows.Message, StringComparison.Ordinal);
        Assert.Contains("green months only", yellow.Message, StringComparison.Ordinal);
        Assert.Empty(folder.Files());
    }

    public void Dispose() => folder.Dispose();
}
