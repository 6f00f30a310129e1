using Parquet;
using Parquet.Schema;
using TaxiDuration.Data.Reading;
using TaxiDuration.TestSupport;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Tests.Synthetic;

/// <summary>A synthetic file is laid out as a real 2023–2024 green month: the same columns in the same order, naive times, pickup order.</summary>
public sealed class SyntheticFileLayoutTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task The_columns_are_the_TLC_green_columns_in_their_order()
    {
        var path = await SyntheticMonths.WriteAsync(folder, rows: 200);

        var info = await new TlcTripReader().InspectAsync(path);

        Assert.Equal(
        [
            "VendorID", "lpep_pickup_datetime", "lpep_dropoff_datetime", "store_and_fwd_flag", "RatecodeID", "PULocationID",
            "DOLocationID", "passenger_count", "trip_distance", "fare_amount", "extra", "mta_tax", "tip_amount", "tolls_amount",
            "ehail_fee", "improvement_surcharge", "total_amount", "payment_type", "trip_type", "congestion_surcharge",
        ], info.Columns);
    }

    [Fact]
    public async Task Times_are_naive_and_the_flag_may_be_empty_as_in_TLC_files()
    {
        var path = await SyntheticMonths.WriteAsync(folder, rows: 200);

        await using var parquet = await ParquetReader.CreateAsync(path);
        var fields = parquet.Schema.DataFields.ToDictionary(field => field.Name);

        Assert.False(Assert.IsType<DateTimeDataField>(fields["lpep_pickup_datetime"]).IsAdjustedToUTC);
        Assert.False(Assert.IsType<DateTimeDataField>(fields["lpep_dropoff_datetime"]).IsAdjustedToUTC);
        Assert.True(fields["store_and_fwd_flag"].IsNullable);
    }

    [Fact]
    public async Task Rows_fill_whole_row_groups_without_an_empty_one_after_them()
    {
        var path = folder.File(SyntheticMonths.January2021.FileName);
        await new Data.Synthetic.SyntheticMonthGenerator().WriteAsync(
            SyntheticMonths.January2021, path, new Data.Synthetic.SyntheticMonthOptions { Rows = 1_000, RowGroupRows = 500 });

        var info = await new TlcTripReader().InspectAsync(path);

        Assert.Equal((1_000L, 2), (info.RowCount, info.RowGroupCount));
    }

    [Fact]
    public async Task Trips_come_in_pickup_order()
    {
        var trips = await SyntheticMonths.GenerateAsync(folder, rows: 2_000);

        var pickups = trips.Select(trip => trip.PickupTime).ToArray();

        Assert.Equal(pickups.Order(), pickups);
        Assert.True(pickups[0] < pickups[^1], "a month of trips spans more than one instant");
    }
}
