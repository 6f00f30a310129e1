using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace TaxiDuration.PredictionLog;

/// <summary>
/// The log's file format: one Parquet file per flush, in hive-style day folders (<c>date=2026-12-01/</c>) that DuckDB
/// and pandas read as a partitioned dataset; plain types only (UTF-8 strings, INT32, FLOAT, DOUBLE, microsecond
/// timestamps). A file appears under its final name only once it is complete. Columns are only ever added, at the
/// end, and read when present: files written before <c>trace_id</c> existed read with a null trace id (DuckDB reads
/// old and new files together with <c>union_by_name = true</c>).
/// </summary>
public static class PredictionLogFiles
{
    private static readonly DataField RequestId = new DataField<string>("request_id", nullable: false);
    private static readonly DataField Time = new DateTimeDataField("time", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: false);
    private static readonly DataField ClientKey = new DataField<string>("client_key", nullable: true);
    private static readonly DataField Variant = new DataField<string>("variant", nullable: false);
    private static readonly DataField ModelVersion = new DataField<string>("model_version", nullable: false);
    private static readonly DataField RideIndex = new DataField<int>("ride_index");
    private static readonly DataField PickupZone = new DataField<int>("pickup_zone");
    private static readonly DataField DropoffZone = new DataField<int>("dropoff_zone");
    private static readonly DataField TripDistance = new DataField<double>("trip_distance");
    private static readonly DataField PickupTime = new DateTimeDataField("pickup_time", DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Micros, isNullable: false);
    private static readonly DataField TripKey = new DataField<string>("trip_key", nullable: true);
    private static readonly DataField Prediction = new DataField<float>("prediction");
    private static readonly DataField Latency = new DataField<double>("latency_ms");
    private static readonly DataField ShadowVariant = new DataField<string>("shadow_variant", nullable: true);
    private static readonly DataField ShadowModelVersion = new DataField<string>("shadow_model_version", nullable: true);
    private static readonly DataField ShadowPrediction = new DataField<float?>("shadow_prediction");
    private static readonly DataField ShadowLatency = new DataField<double?>("shadow_latency_ms");
    private static readonly DataField TraceId = new DataField<string>("trace_id", nullable: true);

    private static readonly ParquetSchema Schema = new(
        RequestId, Time, ClientKey, Variant, ModelVersion, RideIndex, PickupZone, DropoffZone, TripDistance, PickupTime, TripKey,
        Prediction, Latency, ShadowVariant, ShadowModelVersion, ShadowPrediction, ShadowLatency, TraceId);

    /// <summary>The day folder a record written at <paramref name="time"/> (UTC) belongs in.</summary>
    public static string DayFolder(string root, DateTime time) =>
        Path.Combine(root, "date=" + time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Writes <paramref name="records"/> (all of one day) to a new file in <paramref name="folder"/>, atomically.</summary>
    public static async Task<string> WriteAsync(string folder, string fileName, IReadOnlyList<PredictionRecord> records, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        var temporary = Path.Combine(folder, "." + fileName + ".tmp");
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            await using var writer = await ParquetWriter.CreateAsync(Schema, stream, cancellationToken: cancellationToken);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(RequestId, Column(records, r => r.RequestId));
            await group.WriteAsync(Time, Values(records, r => r.Time), cancellationToken: cancellationToken);
            await group.WriteAsync(ClientKey, Column(records, r => r.ClientKey));
            await group.WriteAsync(Variant, Column(records, r => r.Variant));
            await group.WriteAsync(ModelVersion, Column(records, r => r.ModelVersion));
            await group.WriteAsync(RideIndex, Values(records, r => r.RideIndex), cancellationToken: cancellationToken);
            await group.WriteAsync(PickupZone, Values(records, r => r.PickupZone), cancellationToken: cancellationToken);
            await group.WriteAsync(DropoffZone, Values(records, r => r.DropoffZone), cancellationToken: cancellationToken);
            await group.WriteAsync(TripDistance, Values(records, r => r.TripDistance), cancellationToken: cancellationToken);
            await group.WriteAsync(PickupTime, Values(records, r => r.PickupTime), cancellationToken: cancellationToken);
            await group.WriteAsync(TripKey, Column(records, r => r.TripKey));
            await group.WriteAsync(Prediction, Values(records, r => r.Prediction), cancellationToken: cancellationToken);
            await group.WriteAsync(Latency, Values(records, r => r.LatencyMilliseconds), cancellationToken: cancellationToken);
            await group.WriteAsync(ShadowVariant, Column(records, r => r.ShadowVariant));
            await group.WriteAsync(ShadowModelVersion, Column(records, r => r.ShadowModelVersion));
            await group.WriteAsync(ShadowPrediction, NullableValues(records, r => r.ShadowPrediction), cancellationToken: cancellationToken);
            await group.WriteAsync(ShadowLatency, NullableValues(records, r => r.ShadowLatencyMilliseconds), cancellationToken: cancellationToken);
            await group.WriteAsync(TraceId, Column(records, r => r.TraceId));
            group.CompleteValidate();
        }

        File.Move(temporary, path);
        return path;
    }

    /// <summary>Every record in the log's folder (all days), in file order.</summary>
    public static async Task<IReadOnlyList<PredictionRecord>> ReadAllAsync(string root, CancellationToken cancellationToken = default)
    {
        var records = new List<PredictionRecord>();
        if (!Directory.Exists(root))
        {
            return records;
        }

        foreach (var file in Directory.EnumerateFiles(root, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            records.AddRange(await ReadFileAsync(file, cancellationToken));
        }

        return records;
    }

    private static async Task<IReadOnlyList<PredictionRecord>> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken);
        var hasTraceIds = reader.Schema.DataFields.Any(field => field.Name == TraceId.Name);
        var records = new List<PredictionRecord>();
        for (var index = 0; index < reader.RowGroupCount; index++)
        {
            using var group = reader.OpenRowGroupReader(index);
            var rows = checked((int)group.RowCount);
            var requestIds = await Strings(group, RequestId, rows, cancellationToken);
            var times = await Read<DateTime>(group, Time, rows, cancellationToken);
            var clientKeys = await Strings(group, ClientKey, rows, cancellationToken);
            var variants = await Strings(group, Variant, rows, cancellationToken);
            var versions = await Strings(group, ModelVersion, rows, cancellationToken);
            var rideIndexes = await Read<int>(group, RideIndex, rows, cancellationToken);
            var pickupZones = await Read<int>(group, PickupZone, rows, cancellationToken);
            var dropoffZones = await Read<int>(group, DropoffZone, rows, cancellationToken);
            var distances = await Read<double>(group, TripDistance, rows, cancellationToken);
            var pickupTimes = await Read<DateTime>(group, PickupTime, rows, cancellationToken);
            var tripKeys = await Strings(group, TripKey, rows, cancellationToken);
            var predictions = await Read<float>(group, Prediction, rows, cancellationToken);
            var latencies = await Read<double>(group, Latency, rows, cancellationToken);
            var shadowVariants = await Strings(group, ShadowVariant, rows, cancellationToken);
            var shadowVersions = await Strings(group, ShadowModelVersion, rows, cancellationToken);
            var shadowPredictions = await ReadNullable<float>(group, ShadowPrediction, rows, cancellationToken);
            var shadowLatencies = await ReadNullable<double>(group, ShadowLatency, rows, cancellationToken);
            var traceIds = hasTraceIds ? await Strings(group, TraceId, rows, cancellationToken) : new string?[rows];
            for (var row = 0; row < rows; row++)
            {
                records.Add(new PredictionRecord(
                    requestIds[row]!, DateTime.SpecifyKind(times[row], DateTimeKind.Utc), clientKeys[row], variants[row]!, versions[row]!, rideIndexes[row],
                    pickupZones[row], dropoffZones[row], distances[row], DateTime.SpecifyKind(pickupTimes[row], DateTimeKind.Unspecified), tripKeys[row],
                    predictions[row], latencies[row], shadowVariants[row], shadowVersions[row], shadowPredictions[row], shadowLatencies[row],
                    traceIds[row]));
            }
        }

        return records;
    }

    private static string[] Column(IReadOnlyList<PredictionRecord> records, Func<PredictionRecord, string?> select) => [.. records.Select(select)!];

    private static ReadOnlyMemory<T> Values<T>(IReadOnlyList<PredictionRecord> records, Func<PredictionRecord, T> select)
        where T : struct => records.Select(select).ToArray();

    private static ReadOnlyMemory<T?> NullableValues<T>(IReadOnlyList<PredictionRecord> records, Func<PredictionRecord, T?> select)
        where T : struct => records.Select(select).ToArray();

    private static async Task<string?[]> Strings(ParquetRowGroupReader group, DataField field, int rows, CancellationToken cancellationToken)
    {
        var values = new string?[rows];
        await group.ReadAsync(field, values.AsMemory(), null, cancellationToken);
        return values;
    }

    private static async Task<T[]> Read<T>(ParquetRowGroupReader group, DataField field, int rows, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T[rows];
        await group.ReadAsync(field, values.AsMemory(), null, cancellationToken);
        return values;
    }

    private static async Task<T?[]> ReadNullable<T>(ParquetRowGroupReader group, DataField field, int rows, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T?[rows];
        await group.ReadAsync(field, values.AsMemory(), null, cancellationToken);
        return values;
    }
}
