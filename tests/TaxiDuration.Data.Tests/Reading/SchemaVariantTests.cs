using TaxiDuration.Data.Reading;

namespace TaxiDuration.Data.Tests.Reading;

/// <summary>
/// The three green layouts the TLC has published, written here so they are proven without the real months:
/// A (2019–2022: INT64 zone IDs, DOUBLE passenger count), B (2023–2024: INT32 IDs, INT64 count) and C (2025 on:
/// B plus <c>cbd_congestion_fee</c>). Each is detected as such and read into the same records.
/// </summary>
public sealed class SchemaVariantTests : IDisposable
{
    private static readonly DateTime Pickup = new(2021, 1, 4, 9, 30, 0);
    private readonly ReadingFiles files = new();
    private readonly TlcTripReader reader = new();

    public static TheoryData<string, TlcSchemaVariant> Layouts => new()
    {
        { "A", TlcSchemaVariant.A },
        { "B", TlcSchemaVariant.B },
        { "C", TlcSchemaVariant.C },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Each_layout_is_detected_and_widened_to_the_same_records(string layout, TlcSchemaVariant expected)
    {
        var path = await files.WriteAsync($"green_tripdata_{layout}.parquet", Columns(layout));

        var info = await reader.InspectAsync(path);
        var records = await reader.ReadAllAsync(path);

        Assert.Equal(expected, info.Variant);
        Assert.Equal(layout == "C", info.Columns.Contains(TlcSchema.CongestionFeeColumn));
        var record = Assert.Single(records);
        Assert.Equal((Pickup, Pickup.AddMinutes(14), 74, 236, 2.0, 3.25), (record.PickupTime, record.DropoffTime, record.PickupLocationId, record.DropoffLocationId, record.PassengerCount, record.TripDistance));
    }

    public void Dispose() => files.Dispose();

    private static List<TestColumn> Columns(string layout)
    {
        List<TestColumn> columns =
        [
            TestColumn.Timestamp("lpep_pickup_datetime", Pickup),
            TestColumn.Timestamp("lpep_dropoff_datetime", Pickup.AddMinutes(14)),
            layout == "A" ? TestColumn.Of<long>("PULocationID", 74) : TestColumn.Of<int>("PULocationID", 74),
            layout == "A" ? TestColumn.Of<long>("DOLocationID", 236) : TestColumn.Of<int>("DOLocationID", 236),
            layout == "A" ? TestColumn.Of<double>("passenger_count", 2) : TestColumn.Of<long>("passenger_count", 2),
            TestColumn.Of<double>("trip_distance", 3.25),
            TestColumn.Of<double>("fare_amount", 15.6),
            TestColumn.Of<double>("total_amount", 19.1),
        ];
        if (layout == "C")
        {
            columns.Add(TestColumn.Of<double>(TlcSchema.CongestionFeeColumn, 0.75));
        }

        return columns;
    }
}
