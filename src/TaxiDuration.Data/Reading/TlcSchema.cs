using Parquet.Schema;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Reading;

/// <summary>The TLC green-file schema variants the template has seen in the published months 2020–2025.</summary>
public enum TlcSchemaVariant
{
    /// <summary>Not one of the known layouts (e.g. a yellow file, or ID columns of another type); still readable.</summary>
    Other,

    /// <summary>2020 – 2023-01: GZIP, INT64 zone IDs, DOUBLE counts, pandas metadata.</summary>
    A,

    /// <summary>2023-02 – 2024: ZSTD, INT32 zone IDs, INT64 counts.</summary>
    B,

    /// <summary>2025 on: like B plus <c>cbd_congestion_fee</c> (congestion pricing).</summary>
    C,
}

/// <summary>What a TLC file holds, from its footer alone (no column data is read).</summary>
/// <param name="Path">The file.</param>
/// <param name="Service">Green or yellow, decided by the timestamp columns present (not by the file name).</param>
/// <param name="Variant">Which known schema layout the columns match.</param>
/// <param name="RowCount">The footer's <c>num_rows</c>.</param>
/// <param name="RowGroupCount">Row groups in the file; <see cref="TlcTripReader.ReadRowGroupsAsync"/> yields one array per group.</param>
/// <param name="Columns">Every top-level column name, in file order.</param>
/// <param name="MissingOptionalColumns">Optional columns the reader wanted but the file lacks (read as null).</param>
/// <param name="Compression">Codec of the first column chunk (GZIP, ZSTD, SNAPPY…), or null when the file has no row group.</param>
/// <param name="CreatedBy">The writer recorded in the footer, e.g. "parquet-cpp-arrow version 7.0.0".</param>
public sealed record TlcFileInfo(
    string Path,
    TaxiService Service,
    TlcSchemaVariant Variant,
    long RowCount,
    int RowGroupCount,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> MissingOptionalColumns,
    string? Compression,
    string? CreatedBy);

/// <summary>
/// The columns of one file that map onto <see cref="TripRecord"/>, resolved once per file by name and checked
/// for a type the reader can widen. Green files name their timestamps <c>lpep_*</c>, yellow files <c>tpep_*</c>.
/// </summary>
internal sealed class TlcSchema
{
    public const string PickupLocationColumn = "PULocationID";
    public const string DropoffLocationColumn = "DOLocationID";
    public const string TripDistanceColumn = "trip_distance";
    public const string PassengerCountColumn = "passenger_count";
    public const string FareAmountColumn = "fare_amount";
    public const string TotalAmountColumn = "total_amount";
    public const string CongestionFeeColumn = "cbd_congestion_fee";

    private static readonly string[] OptionalColumns = [PassengerCountColumn, FareAmountColumn, TotalAmountColumn];

    private TlcSchema(
        TaxiService service,
        DataField pickup,
        DataField dropoff,
        DataField pickupLocation,
        DataField dropoffLocation,
        DataField tripDistance,
        DataField? passengerCount,
        DataField? fareAmount,
        DataField? totalAmount,
        IReadOnlyList<string> missingOptional)
    {
        Service = service;
        Pickup = pickup;
        Dropoff = dropoff;
        PickupLocation = pickupLocation;
        DropoffLocation = dropoffLocation;
        TripDistance = tripDistance;
        PassengerCount = passengerCount;
        FareAmount = fareAmount;
        TotalAmount = totalAmount;
        MissingOptional = missingOptional;
    }

    public TaxiService Service { get; }

    public DataField Pickup { get; }

    public DataField Dropoff { get; }

    public DataField PickupLocation { get; }

    public DataField DropoffLocation { get; }

    public DataField TripDistance { get; }

    public DataField? PassengerCount { get; }

    public DataField? FareAmount { get; }

    public DataField? TotalAmount { get; }

    public IReadOnlyList<string> MissingOptional { get; }

    /// <summary>Resolves the columns of <paramref name="schema"/>; throws <see cref="TlcDataException"/> naming the file and the problem.</summary>
    public static TlcSchema Resolve(ParquetSchema schema, string path)
    {
        var fields = schema.Fields.OfType<DataField>().ToArray();

        var greenPickup = Find(fields, "lpep_pickup_datetime");
        var yellowPickup = Find(fields, "tpep_pickup_datetime");
        var (service, prefix) = greenPickup is null && yellowPickup is not null ? (TaxiService.Yellow, "tpep") : (TaxiService.Green, "lpep");
        if (greenPickup is null && yellowPickup is null)
        {
            throw new TlcDataException(path, "required column 'lpep_pickup_datetime' (or yellow 'tpep_pickup_datetime') is missing");
        }

        var pickup = Require(fields, prefix + "_pickup_datetime", path, ColumnKind.Timestamp);
        var dropoff = Require(fields, prefix + "_dropoff_datetime", path, ColumnKind.Timestamp);
        var pickupLocation = Require(fields, PickupLocationColumn, path, ColumnKind.Number);
        var dropoffLocation = Require(fields, DropoffLocationColumn, path, ColumnKind.Number);
        var tripDistance = Require(fields, TripDistanceColumn, path, ColumnKind.Number);
        var optional = OptionalColumns.Select(name => Optional(fields, name, path)).ToArray();
        var missing = OptionalColumns.Where((_, index) => optional[index] is null).ToArray();

        return new TlcSchema(service, pickup, dropoff, pickupLocation, dropoffLocation, tripDistance, optional[0], optional[1], optional[2], missing);
    }

    /// <summary>Which known layout the file matches (by the zone-ID type and the congestion-fee column).</summary>
    public TlcSchemaVariant Variant(ParquetSchema schema)
    {
        if (Service != TaxiService.Green)
        {
            return TlcSchemaVariant.Other;
        }

        if (Find(schema.Fields.OfType<DataField>().ToArray(), CongestionFeeColumn) is not null)
        {
            return TlcSchemaVariant.C;
        }

        var idType = PickupLocation.ClrType;
        return idType == typeof(int) ? TlcSchemaVariant.B : idType == typeof(long) ? TlcSchemaVariant.A : TlcSchemaVariant.Other;
    }

    private enum ColumnKind
    {
        Number,
        Timestamp,
    }

    // Exact name first; TLC has changed capitalisation between products (PUlocationID in FHV files), so fall back
    // to a case-insensitive match rather than declare the column missing.
    private static DataField? Find(DataField[] fields, string name) =>
        Array.Find(fields, field => field.Name.Equals(name, StringComparison.Ordinal))
        ?? Array.Find(fields, field => field.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static DataField Require(DataField[] fields, string name, string path, ColumnKind kind)
    {
        var field = Find(fields, name) ?? throw new TlcDataException(path, $"required column '{name}' is missing");
        Check(field, path, kind);
        return field;
    }

    private static DataField? Optional(DataField[] fields, string name, string path)
    {
        var field = Find(fields, name);
        if (field is not null)
        {
            Check(field, path, ColumnKind.Number);
        }

        return field;
    }

    private static void Check(DataField field, string path, ColumnKind kind)
    {
        if (field.IsArray)
        {
            throw new TlcDataException(path, $"column '{field.Name}' is a repeated (list) column; expected one value per trip");
        }

        var supported = kind == ColumnKind.Timestamp ? ColumnReaders.IsTimestampType(field.ClrType) : ColumnReaders.IsNumberType(field.ClrType);
        if (!supported)
        {
            var expected = kind == ColumnKind.Timestamp ? "a timestamp" : "a number";
            throw new TlcDataException(path, $"column '{field.Name}' has type {field.ClrType.Name}; expected {expected}");
        }
    }
}
