using System.IO.Compression;
using Parquet;
using Parquet.Schema;

namespace TaxiDuration.Data.Synthetic;

/// <summary>
/// Writes trips in the TLC green schema B (2023-02 to 2024-12): the 20 real column names in file order, INT32
/// ids, INT64 counts, DOUBLE money, naive INT64 microsecond timestamps, every column nullable, ZSTD — so the
/// reader meets a synthetic file exactly as it would meet a real one.
/// </summary>
internal static class GreenTripParquetWriter
{
    private static readonly DataField VendorId = new DataField<int?>("VendorID");
    private static readonly DataField Pickup = Timestamp("lpep_pickup_datetime");
    private static readonly DataField Dropoff = Timestamp("lpep_dropoff_datetime");
    private static readonly DataField StoreAndForwardFlag = new DataField<string>("store_and_fwd_flag", nullable: true);
    private static readonly DataField RatecodeId = new DataField<long?>("RatecodeID");
    private static readonly DataField PickupLocationId = new DataField<int?>("PULocationID");
    private static readonly DataField DropoffLocationId = new DataField<int?>("DOLocationID");
    private static readonly DataField PassengerCount = new DataField<long?>("passenger_count");
    private static readonly DataField TripDistance = new DataField<double?>("trip_distance");
    private static readonly DataField FareAmount = new DataField<double?>("fare_amount");
    private static readonly DataField Extra = new DataField<double?>("extra");
    private static readonly DataField MtaTax = new DataField<double?>("mta_tax");
    private static readonly DataField TipAmount = new DataField<double?>("tip_amount");
    private static readonly DataField TollsAmount = new DataField<double?>("tolls_amount");
    private static readonly DataField EhailFee = new DataField<double?>("ehail_fee");
    private static readonly DataField ImprovementSurcharge = new DataField<double?>("improvement_surcharge");
    private static readonly DataField TotalAmount = new DataField<double?>("total_amount");
    private static readonly DataField PaymentType = new DataField<long?>("payment_type");
    private static readonly DataField TripType = new DataField<long?>("trip_type");
    private static readonly DataField CongestionSurcharge = new DataField<double?>("congestion_surcharge");

    private static readonly ParquetSchema Schema = new(
        VendorId, Pickup, Dropoff, StoreAndForwardFlag, RatecodeId, PickupLocationId, DropoffLocationId, PassengerCount,
        TripDistance, FareAmount, Extra, MtaTax, TipAmount, TollsAmount, EhailFee, ImprovementSurcharge, TotalAmount,
        PaymentType, TripType, CongestionSurcharge);

    public static async Task WriteAsync(
        IReadOnlyList<SyntheticTrip> trips, IReadOnlyDictionary<string, string> metadata, int rowGroupRows, Stream output, CancellationToken cancellationToken)
    {
        // Optimal rather than the library's SmallestSize default: ZSTD's top levels cost seconds for a few percent.
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Zstd, CompressionLevel = CompressionLevel.Optimal };
        await using var writer = await ParquetWriter.CreateAsync(Schema, output, options, cancellationToken: cancellationToken);
        writer.CustomMetadata = metadata.ToDictionary();
        for (var start = 0; start < trips.Count; start += rowGroupRows)
        {
            var group = trips.Skip(start).Take(rowGroupRows).ToArray();
            await WriteRowGroupAsync(writer, group, cancellationToken);
        }
    }

    private static async Task WriteRowGroupAsync(ParquetWriter writer, SyntheticTrip[] trips, CancellationToken cancellationToken)
    {
        using var rowGroup = writer.CreateRowGroup();
        await rowGroup.WriteAsync(VendorId, Column(trips, t => t.VendorId), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(Pickup, Column(trips, t => t.Pickup), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(Dropoff, Column(trips, t => t.Dropoff), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(StoreAndForwardFlag, trips.Select(t => t.StoreAndForwardFlag!).ToArray());
        await rowGroup.WriteAsync(RatecodeId, Column(trips, t => t.RatecodeId), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(PickupLocationId, Column(trips, t => t.PickupLocationId), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(DropoffLocationId, Column(trips, t => t.DropoffLocationId), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(PassengerCount, Column(trips, t => t.PassengerCount), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(TripDistance, Column(trips, t => t.TripDistance), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(FareAmount, Column(trips, t => t.FareAmount), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(Extra, Column(trips, t => t.Extra), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(MtaTax, Column(trips, t => t.MtaTax), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(TipAmount, Column(trips, t => t.TipAmount), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(TollsAmount, Column(trips, t => t.TollsAmount), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(EhailFee, Column(trips, t => t.EhailFee), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(ImprovementSurcharge, Column(trips, t => t.ImprovementSurcharge), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(TotalAmount, Column(trips, t => t.TotalAmount), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(PaymentType, Column(trips, t => t.PaymentType), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(TripType, Column(trips, t => t.TripType), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(CongestionSurcharge, Column(trips, t => t.CongestionSurcharge), cancellationToken: cancellationToken);
        rowGroup.CompleteValidate();
    }

    private static DateTimeDataField Timestamp(string name) =>
        new(name, DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Micros, isNullable: true);

    private static ReadOnlyMemory<T?> Column<T>(IReadOnlyList<SyntheticTrip> trips, Func<SyntheticTrip, T?> select)
        where T : struct
    {
        var values = new T?[trips.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = select(trips[i]);
        }

        return values;
    }
}
