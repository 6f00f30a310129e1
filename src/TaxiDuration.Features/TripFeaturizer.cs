using System.Runtime.CompilerServices;
using TaxiDuration.Trips;

namespace TaxiDuration.Features;

/// <summary>
/// Turns trip records into <see cref="TripExample"/>s the way the course does: duration target in minutes, kept
/// when 1–60 minutes, <c>PU_DO</c> and distance, plus pickup hour and weekday. Rows lacking a time, zone or
/// distance, or with a zone outside 1–265, are dropped and counted. <see cref="ForRide(int, int, double, DateTime)"/>
/// builds a serving row through the same code, so training and serving cannot disagree on a feature.
/// </summary>
public static class TripFeaturizer
{
    /// <summary>Featurizes <paramref name="records"/> (a month, or any batch).</summary>
    public static FeaturizedMonth Featurize(ReadOnlySpan<TripRecord> records)
    {
        var batch = new Batch(records.Length);
        batch.Add(records);
        return batch.ToMonth();
    }

    /// <inheritdoc cref="Featurize(ReadOnlySpan{TripRecord})"/>
    public static FeaturizedMonth Featurize(TripRecord[] records) => Featurize(records.AsSpan());

    /// <inheritdoc cref="Featurize(ReadOnlySpan{TripRecord})"/>
    public static FeaturizedMonth Featurize(IEnumerable<TripRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records is TripRecord[] array)
        {
            return Featurize(array.AsSpan());
        }

        var batch = new Batch(records.TryGetNonEnumeratedCount(out var count) ? count : 0);
        foreach (var record in records)
        {
            batch.Add(record);
        }

        return batch.ToMonth();
    }

    /// <summary>Featurizes a stream of row groups (e.g. <c>TlcTripReader.ReadRowGroupsAsync</c>) without holding the raw month.</summary>
    public static Task<FeaturizedMonth> FeaturizeAsync(IAsyncEnumerable<TripRecord[]> rowGroups, CancellationToken ct = default) =>
        FeaturizeAsync(rowGroups, static (batch, group) => batch.Add(group), ct);

    /// <summary>Featurizes a stream of row groups as columns (e.g. <c>TlcTripReader.ReadColumnsAsync</c>): the streamed training path.</summary>
    public static Task<FeaturizedMonth> FeaturizeAsync(IAsyncEnumerable<TripColumns> rowGroups, CancellationToken ct = default) =>
        FeaturizeAsync(rowGroups, static (batch, group) => batch.Add(group), ct);

    private static async Task<FeaturizedMonth> FeaturizeAsync<TGroup>(IAsyncEnumerable<TGroup> rowGroups, Action<Batch, TGroup> add, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rowGroups);
        var batch = new Batch(0);
        await foreach (var group in rowGroups.WithCancellation(ct))
        {
            add(batch, group);
        }

        return batch.ToMonth();
    }

    /// <summary>
    /// The serving row for one ride: the same features as training, target left at zero.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A zone outside 1–265, or a negative or non-finite distance.</exception>
    public static TripExample ForRide(int pickupZone, int dropoffZone, double tripDistance, DateTime pickupTime)
    {
        CheckZone(pickupZone, nameof(pickupZone));
        CheckZone(dropoffZone, nameof(dropoffZone));
        if (!double.IsFinite(tripDistance) || tripDistance < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tripDistance), tripDistance, "Trip distance must be a finite number of miles, zero or more.");
        }

        return Example(pickupZone, dropoffZone, tripDistance, pickupTime, duration: 0);
    }

    private static void CheckZone(int zone, string name)
    {
        if (!TaxiZones.IsValid(zone))
        {
            throw new ArgumentOutOfRangeException(name, zone, $"A TLC zone ID is {TaxiZones.MinId}–{TaxiZones.MaxId}.");
        }
    }

    // Every example, training or serving, is built here (training's when its row is read: TripExamples).
    internal static TripExample Example(int pickupZone, int dropoffZone, double distance, DateTime pickupTime, double duration) => new()
    {
        PickupLocation = TripFeatures.Zone(pickupZone),
        DropoffLocation = TripFeatures.Zone(dropoffZone),
        PickupDropoff = PickupDropoffTexts.For(pickupZone, dropoffZone),
        TripDistance = (float)distance,
        PickupHour = TripFeatures.Hour(pickupTime),
        PickupDayOfWeek = TripFeatures.DayOfWeek(pickupTime),
        Duration = (float)duration,
    };

    /// <summary>Accumulates one featurization: the kept trips and the drop counts.</summary>
    private sealed class Batch(int capacity)
    {
        private readonly KeptRows kept = new(capacity);
        private int raw;
        private int missingTime;
        private int missingZone;
        private int missingDistance;
        private int zoneOutOfRange;
        private int durationOutOfRange;

        public void Add(ReadOnlySpan<TripRecord> records)
        {
            // Stryker disable once Statement : equivalent, room made ahead only sizes the chunks (KeptRows).
            kept.MakeRoom(records.Length);
            foreach (ref readonly var record in records)
            {
                Add(record);
            }
        }

        public void Add(TripColumns trips)
        {
            // Stryker disable once Statement : equivalent, room made ahead only sizes the chunks (KeptRows).
            kept.MakeRoom(trips.Count);
            trips.ForEachTrip(new Visitor(this));
        }

        public void Add(in TripRecord record) =>
            Visit(record.PickupTime, record.DropoffTime, record.PickupLocationId, record.DropoffLocationId, record.TripDistance);

        // One trip, whether it came as a record or as columns.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(DateTime? pickupTime, DateTime? dropoffTime, int? pickupZone, int? dropoffZone, double? tripDistance)
        {
            raw++;
            if (pickupTime is not { } pickup || dropoffTime is not { } dropoff)
            {
                missingTime++;
            }
            else if (pickupZone is not { } origin || dropoffZone is not { } destination)
            {
                missingZone++;
            }
            else if (tripDistance is not { } distance)
            {
                missingDistance++;
            }
            else if (!TaxiZones.IsValid(origin) || !TaxiZones.IsValid(destination))
            {
                zoneOutOfRange++;
            }
            else if (TripFeatures.DurationMinutes(pickup, dropoff) is var minutes && !TripFeatures.IsTrainableDuration(minutes))
            {
                durationOutOfRange++;
            }
            else
            {
                kept.Add(origin, destination, distance, minutes, pickup);
            }
        }

        // A struct, so the loop over a batch's columns is compiled for this visitor and the per-trip rule inlined into it.
        private readonly struct Visitor(Batch batch) : ITripVisitor
        {
            public void Visit(DateTime? pickupTime, DateTime? dropoffTime, int? pickupLocationId, int? dropoffLocationId, double? tripDistance) =>
                batch.Visit(pickupTime, dropoffTime, pickupLocationId, dropoffLocationId, tripDistance);
        }

        public FeaturizedMonth ToMonth()
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal)
            {
                [DropReasons.MissingTime] = missingTime,
                [DropReasons.MissingZone] = missingZone,
                [DropReasons.MissingDistance] = missingDistance,
                [DropReasons.ZoneOutOfRange] = zoneOutOfRange,
                [DropReasons.DurationOutOfRange] = durationOutOfRange,
            };
            return new FeaturizedMonth(kept.ToExamples(), raw, counts);
        }
    }
}
