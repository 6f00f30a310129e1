using System.Text;
using Parquet.Schema;
using TaxiDuration.Data.Reading;

namespace TaxiDuration.Data.Tests.Reading;

/// <summary>Every way a file can be unreadable ends in a <see cref="TlcDataException"/> naming the file and the problem.</summary>
public sealed class ReadingErrorTests : IDisposable
{
    private static readonly DateTime Jan1 = new(2021, 1, 1, 8, 0, 0);
    private readonly ReadingFiles files = new();
    private readonly TlcTripReader reader = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task An_html_page_saved_as_parquet_is_not_parquet()
    {
        var path = files.PathOf("green_tripdata_2021-01.parquet");
        await File.WriteAllTextAsync(path, "<!DOCTYPE html><html><body><h1>403 Forbidden</h1></body></html>", Encoding.UTF8);

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadAllAsync(path));

        Assert.StartsWith("green_tripdata_2021-01.parquet: not a Parquet file", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTML", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public async Task An_empty_file_is_not_parquet()
    {
        var path = files.PathOf("zero.parquet");
        await File.WriteAllBytesAsync(path, []);

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadAllAsync(path));

        Assert.StartsWith("zero.parquet: not a Parquet file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_file_is_reported_as_truncated()
    {
        var whole = await files.WriteGreenAsync("whole.parquet", [.. Enumerable.Range(0, 500).Select(i => ((DateTime?)Jan1, (DateTime?)Jan1.AddMinutes(i), (int?)1, (int?)2, (double?)i))]);
        var bytes = await File.ReadAllBytesAsync(whole);
        var path = files.PathOf("green_tripdata_2021-02.parquet");
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadAllAsync(path));

        Assert.StartsWith("green_tripdata_2021-02.parquet: truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_footer_is_a_data_error_not_a_parser_crash()
    {
        var whole = await files.WriteGreenAsync("whole.parquet", (Jan1, Jan1, 1, 2, 3));
        var bytes = await File.ReadAllBytesAsync(whole);
        var footerLength = BitConverter.ToInt32(bytes, bytes.Length - 8);
        // Scribble over the footer but keep the framing (length + PAR1) intact.
        new Random(7).NextBytes(bytes.AsSpan(bytes.Length - 8 - footerLength, footerLength));
        var path = files.PathOf("scribbled.parquet");
        await File.WriteAllBytesAsync(path, bytes);

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadAllAsync(path));

        Assert.StartsWith("scribbled.parquet: the Parquet footer cannot be read, the file is corrupt (", error.Message, StringComparison.Ordinal);
        // The parser's own error is kept for whoever investigates, and is what the message quotes.
        Assert.NotNull(error.InnerException);
        Assert.Contains(error.InnerException.Message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corrupt_column_data_is_a_data_error_naming_the_column()
    {
        var whole = await files.WriteGreenAsync("whole.parquet", [.. Enumerable.Range(0, 2000).Select(i => ((DateTime?)Jan1.AddSeconds(i * 7), (DateTime?)Jan1.AddMinutes(i), (int?)(i % 265 + 1), (int?)2, (double?)i))]);
        var bytes = await File.ReadAllBytesAsync(whole);
        // The first pages (pickup times) follow the 4-byte magic; flip them into noise.
        new Random(11).NextBytes(bytes.AsSpan(4, 2000));
        var path = files.PathOf("noisy.parquet");
        await File.WriteAllBytesAsync(path, bytes);

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadAllAsync(path));

        Assert.StartsWith("noisy.parquet: cannot read column 'lpep_pickup_datetime'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PULocationID")]
    [InlineData("DOLocationID")]
    [InlineData("trip_distance")]
    [InlineData("lpep_dropoff_datetime")]
    public async Task A_missing_required_column_is_named(string missing)
    {
        TestColumn[] columns =
        [
            TestColumn.Timestamp("lpep_pickup_datetime", Jan1),
            TestColumn.Timestamp("lpep_dropoff_datetime", Jan1),
            TestColumn.Of<int>("PULocationID", 1),
            TestColumn.Of<int>("DOLocationID", 2),
            TestColumn.Of<double>("trip_distance", 3),
        ];
        var path = await files.WriteAsync("green_tripdata_2021-01.parquet", [.. columns.Where(column => column.Field.Name != missing)]);

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadAllAsync(path));

        Assert.Equal($"green_tripdata_2021-01.parquet: required column '{missing}' is missing", error.Message);
    }

    [Fact]
    public async Task A_file_without_pickup_times_names_both_services_columns()
    {
        var path = await files.WriteAsync("fhv.parquet", [TestColumn.Timestamp("pickup_datetime", Jan1), TestColumn.Of<int>("PULocationID", 1)]);

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadRowGroupsAsync(path).ToArrayAsync().AsTask());

        Assert.Equal("fhv.parquet: required column 'lpep_pickup_datetime' (or yellow 'tpep_pickup_datetime') is missing", error.Message);
    }

    [Fact]
    public async Task A_column_of_the_wrong_kind_is_named_with_its_type()
    {
        var path = await files.WriteAsync("text-ids.parquet",
        [
            TestColumn.Timestamp("lpep_pickup_datetime", Jan1),
            TestColumn.Timestamp("lpep_dropoff_datetime", Jan1),
            new TestColumn(new DataField<string>("PULocationID"), new[] { "43" }),
            TestColumn.Of<int>("DOLocationID", 2),
            TestColumn.Of<double>("trip_distance", 3),
        ]);

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadAllAsync(path));

        Assert.StartsWith("text-ids.parquet: column 'PULocationID' has type", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("expected a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timestamps_stored_as_numbers_are_rejected_not_misread()
    {
        var path = await files.WriteAsync("epoch.parquet",
        [
            TestColumn.Of<long>("lpep_pickup_datetime", 1_609_459_200_000_000),
            TestColumn.Timestamp("lpep_dropoff_datetime", Jan1),
            TestColumn.Of<int>("PULocationID", 1),
            TestColumn.Of<int>("DOLocationID", 2),
            TestColumn.Of<double>("trip_distance", 3),
        ]);

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.InspectAsync(path));

        Assert.Equal("epoch.parquet: column 'lpep_pickup_datetime' has type Int64; expected a timestamp", error.Message);
    }

    [Fact]
    public async Task A_missing_file_stays_a_FileNotFoundException()
    {
        var path = files.PathOf("green_tripdata_1999-01.parquet");

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => reader.ReadAllAsync(path));

        Assert.Contains("green_tripdata_1999-01.parquet", error.Message, StringComparison.Ordinal);
    }
}
