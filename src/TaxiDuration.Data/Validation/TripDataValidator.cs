using System.Globalization;
using System.Runtime.CompilerServices;
using TaxiDuration.Data.Reading;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Validation;

/// <summary>
/// Checks a month of trip records before anything trains on it: counts unusable rows by
/// <see cref="RejectionReason"/>, measures null shares and pickups outside the month, and judges them against
/// <see cref="DataValidationOptions"/>. It streams: a month read row group by row group is never held whole.
/// </summary>
/// <remarks>
/// Calibrated on the 24 real green months 2020-03 … 2025-01: none has a null time, zone or distance, at most
/// 0.09 % of pickups fall outside the month and 2–7 % of rows are rejected (zero distance, mostly), so the
/// defaults leave a wide margin for a real month and still fail a broken extract (a column gone null, the wrong
/// month, a file of garbage).
/// </remarks>
public sealed class TripDataValidator
{
    private readonly DataValidationOptions options;

    /// <summary>Creates a validator; the options are validated here, once.</summary>
    public TripDataValidator(DataValidationOptions? options = null)
    {
        this.options = options ?? new DataValidationOptions();
        this.options.Validate();
    }

    /// <summary>Validates records in memory.</summary>
    /// <param name="records">The trips.</param>
    /// <param name="expectedMonth">The month the trips should fall in; null skips the out-of-month check.</param>
    /// <param name="subject">What the report calls the data; defaults to the month, or "trips".</param>
    public DataValidationReport Validate(ReadOnlySpan<TripRecord> records, TaxiMonth? expectedMonth = null, string? subject = null)
    {
        var tally = new Tally(options, expectedMonth);
        tally.Add(records);
        return tally.ToReport(subject ?? expectedMonth?.ToString() ?? "trips");
    }

    /// <inheritdoc cref="Validate(ReadOnlySpan{TripRecord}, TaxiMonth?, string?)"/>
    public DataValidationReport Validate(IEnumerable<TripRecord> records, TaxiMonth? expectedMonth = null, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var tally = new Tally(options, expectedMonth);
        foreach (var record in records)
        {
            tally.Add(record);
        }

        return tally.ToReport(subject ?? expectedMonth?.ToString() ?? "trips");
    }

    /// <summary>Validates a stream of row groups (e.g. <see cref="ITripReader.ReadRowGroupsAsync"/>).</summary>
    public Task<DataValidationReport> ValidateAsync(
        IAsyncEnumerable<TripRecord[]> rowGroups, TaxiMonth? expectedMonth = null, string? subject = null, CancellationToken ct = default) =>
        ValidateAsync(rowGroups, static (tally, group) => tally.Add(group), expectedMonth, subject, ct);

    /// <summary>Validates a stream of row groups as columns (e.g. <see cref="ITripReader.ReadColumnsAsync"/>).</summary>
    public Task<DataValidationReport> ValidateAsync(
        IAsyncEnumerable<TripColumns> rowGroups, TaxiMonth? expectedMonth = null, string? subject = null, CancellationToken ct = default) =>
        ValidateAsync(rowGroups, static (tally, group) => tally.Add(group), expectedMonth, subject, ct);

    /// <summary>
    /// Validates row groups as they stream to <paramref name="consume"/> (e.g. the featurizer): one pass over the
    /// file that never holds more than a row group, where reading everything first would hold the whole raw month
    /// (a yellow month is 3 million rows).
    /// </summary>
    /// <returns>The report and what <paramref name="consume"/> made of the rows; check <see cref="DataValidationReport.Passed"/> before using it.</returns>
    public Task<(DataValidationReport Report, T Result)> ValidateWhileAsync<T>(
        IAsyncEnumerable<TripRecord[]> rowGroups,
        Func<IAsyncEnumerable<TripRecord[]>, Task<T>> consume,
        TaxiMonth? expectedMonth = null,
        string? subject = null,
        CancellationToken ct = default) =>
        ValidateWhileAsync(rowGroups, static (tally, group) => tally.Add(group), consume, expectedMonth, subject, ct);

    /// <inheritdoc cref="ValidateWhileAsync{T}(IAsyncEnumerable{TripRecord[]}, Func{IAsyncEnumerable{TripRecord[]}, Task{T}}, TaxiMonth?, string?, CancellationToken)"/>
    /// <remarks>The streamed training path: row groups as columns (<see cref="ITripReader.ReadColumnsAsync"/>), never made into records.</remarks>
    public Task<(DataValidationReport Report, T Result)> ValidateWhileAsync<T>(
        IAsyncEnumerable<TripColumns> rowGroups,
        Func<IAsyncEnumerable<TripColumns>, Task<T>> consume,
        TaxiMonth? expectedMonth = null,
        string? subject = null,
        CancellationToken ct = default) =>
        ValidateWhileAsync(rowGroups, static (tally, group) => tally.Add(group), consume, expectedMonth, subject, ct);

    // Validating alone is validating while nothing else consumes the groups.
    private async Task<DataValidationReport> ValidateAsync<TGroup>(
        IAsyncEnumerable<TGroup> rowGroups, Action<Tally, TGroup> count, TaxiMonth? expectedMonth, string? subject, CancellationToken ct) =>
        (await ValidateWhileAsync(rowGroups, count, DrainAsync, expectedMonth, subject, ct)).Report;

    private static async Task<int> DrainAsync<TGroup>(IAsyncEnumerable<TGroup> rowGroups)
    {
        await foreach (var _ in rowGroups)
        {
        }

        return 0;
    }

    private async Task<(DataValidationReport Report, T Result)> ValidateWhileAsync<TGroup, T>(
        IAsyncEnumerable<TGroup> rowGroups,
        Action<Tally, TGroup> count,
        Func<IAsyncEnumerable<TGroup>, Task<T>> consume,
        TaxiMonth? expectedMonth,
        string? subject,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rowGroups);
        ArgumentNullException.ThrowIfNull(consume);
        var tally = new Tally(options, expectedMonth);
        var result = await consume(Counted(rowGroups, group => count(tally, group), ct));
        return (tally.ToReport(subject ?? expectedMonth?.ToString() ?? "trips"), result);
    }

    private static async IAsyncEnumerable<TGroup> Counted<TGroup>(
        IAsyncEnumerable<TGroup> rowGroups, Action<TGroup> count, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var group in rowGroups.WithCancellation(ct))
        {
            count(group);
            yield return group;
        }
    }

    /// <summary>
    /// Reads and validates a TLC file; the expected month is taken from a TLC file name
    /// (<c>green_tripdata_2021-01.parquet</c>) unless given.
    /// </summary>
    /// <exception cref="TlcDataException">The file cannot be read at all.</exception>
    public Task<DataValidationReport> ValidateFileAsync(ITripReader reader, string path, TaxiMonth? expectedMonth = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var month = expectedMonth ?? (TaxiMonth.TryParseFileName(Path.GetFileName(path), out var fromName) ? fromName : null);
        return ValidateAsync(reader.ReadColumnsAsync(path, ct), month, Path.GetFileName(path), ct);
    }

    /// <summary>The running counts of one validation.</summary>
    private sealed class Tally(DataValidationOptions options, TaxiMonth? month)
    {
        // Order of TripRecord's fields; the first five are what the features need.
        private static readonly string[] Columns =
        [
            nameof(TripRecord.PickupTime), nameof(TripRecord.DropoffTime), nameof(TripRecord.PickupLocationId),
            nameof(TripRecord.DropoffLocationId), nameof(TripRecord.TripDistance), nameof(TripRecord.PassengerCount),
            nameof(TripRecord.FareAmount), nameof(TripRecord.TotalAmount),
        ];

        private const int RequiredColumns = 5;

        private readonly long[] nulls = new long[Columns.Length];
        private readonly long[] reasons = new long[Enum.GetValues<RejectionReason>().Length];
        private readonly double maxMiles = options.MaxTripDistanceMiles;
        private readonly TimeSpan maxDuration = options.MaxTripDuration;
        private readonly DateTime monthStart = month?.Start ?? DateTime.MinValue;
        private readonly DateTime monthEnd = month?.End ?? DateTime.MaxValue;
        private long rows;
        private long rejected;
        private long withPickup;
        private long outOfMonth;

        public void Add(ReadOnlySpan<TripRecord> records)
        {
            foreach (ref readonly var record in records)
            {
                Add(record);
            }
        }

        public void Add(TripColumns trips)
        {
            trips.ForEachTrip(new Visitor(this));
            nulls[5] += Nulls(trips.PassengerCounts, trips.Count);
            nulls[6] += Nulls(trips.FareAmounts, trips.Count);
            nulls[7] += Nulls(trips.TotalAmounts, trips.Count);
        }

        public void Add(in TripRecord record)
        {
            Visit(record.PickupTime, record.DropoffTime, record.PickupLocationId, record.DropoffLocationId, record.TripDistance);
            nulls[5] += record.PassengerCount is null ? 1 : 0;
            nulls[6] += record.FareAmount is null ? 1 : 0;
            nulls[7] += record.TotalAmount is null ? 1 : 0;
        }

        // One trip's required columns, whether it came as a record or as columns; the optional ones are only counted.
        public void Visit(DateTime? pickupTime, DateTime? dropoffTime, int? pickupZone, int? dropoffZone, double? distance)
        {
            rows++;
            nulls[0] += pickupTime is null ? 1 : 0;
            nulls[1] += dropoffTime is null ? 1 : 0;
            nulls[2] += pickupZone is null ? 1 : 0;
            nulls[3] += dropoffZone is null ? 1 : 0;
            nulls[4] += distance is null ? 1 : 0;
            var bad = false;

            if (pickupTime is not { } pickup || dropoffTime is not { } dropoff)
            {
                Reject(RejectionReason.NullTimestamp, ref bad);
            }
            else if (dropoff < pickup)
            {
                Reject(RejectionReason.DropoffBeforePickup, ref bad);
            }
            else if (dropoff - pickup > maxDuration)
            {
                Reject(RejectionReason.DurationOverLimit, ref bad);
            }

            if (pickupTime is { } time)
            {
                withPickup++;
                if (time < monthStart || time >= monthEnd)
                {
                    outOfMonth++;
                }
            }

            switch (distance)
            {
                case null:
                    Reject(RejectionReason.NullDistance, ref bad);
                    break;
                case <= 0:
                    Reject(RejectionReason.NonPositiveDistance, ref bad);
                    break;
                case var miles when !(miles <= maxMiles):
                    Reject(RejectionReason.AbsurdDistance, ref bad);
                    break;
            }

            if (pickupZone is null || dropoffZone is null)
            {
                Reject(RejectionReason.NullZone, ref bad);
            }

            if ((pickupZone is { } origin && !TaxiZones.IsValid(origin))
                || (dropoffZone is { } destination && !TaxiZones.IsValid(destination)))
            {
                Reject(RejectionReason.ZoneOutOfRange, ref bad);
            }

            rejected += bad ? 1 : 0;
        }

        // An optional column the file lacks is null for every trip.
        private static int Nulls(TripColumn<double> column, int count) => column.IsEmpty ? count : column.NullCount();

        // A struct, so the loop over a batch's columns is compiled for this visitor and the per-trip rule inlined into it.
        private readonly struct Visitor(Tally tally) : ITripVisitor
        {
            public void Visit(DateTime? pickupTime, DateTime? dropoffTime, int? pickupLocationId, int? dropoffLocationId, double? tripDistance) =>
                tally.Visit(pickupTime, dropoffTime, pickupLocationId, dropoffLocationId, tripDistance);
        }

        public DataValidationReport ToReport(string subject)
        {
            var nullShares = new Dictionary<string, double>(Columns.Length, StringComparer.Ordinal);
            for (var i = 0; i < Columns.Length; i++)
            {
                nullShares[Columns[i]] = Share(nulls[i], rows);
            }

            var byReason = Enum.GetValues<RejectionReason>().ToDictionary(reason => reason, reason => reasons[(int)reason]);
            double? outsideShare = month is null ? null : Share(outOfMonth, withPickup);
            var checks = new List<ValidationCheck>
            {
                new("rows", rows >= options.MinRows, string.Create(CultureInfo.InvariantCulture, $"{rows:N0} (minimum {options.MinRows:N0})")),
            };
            for (var i = 0; i < RequiredColumns; i++)
            {
                checks.Add(AtMost($"null share of {Columns[i]}", nullShares[Columns[i]], options.MaxNullShare));
            }

            checks.Add(AtMost("rejected share", Share(rejected, rows), options.MaxRejectedShare));
            if (outsideShare is { } outside)
            {
                checks.Add(AtMost($"pickups outside {month!.Value.YearMonth}", outside, options.MaxOutOfMonthShare));
            }

            return new DataValidationReport(subject, month, rows, rejected, byReason, nullShares, outsideShare, checks);
        }

        private static ValidationCheck AtMost(string name, double share, double limit) =>
            new(name, share <= limit, $"{DataValidationReport.Percent(share)} {(share <= limit ? "≤" : ">")} {DataValidationReport.Percent(limit)}");

        private static double Share(long count, long total) => total == 0 ? 0 : (double)count / total;

        private void Reject(RejectionReason reason, ref bool bad)
        {
            reasons[(int)reason]++;
            bad = true;
        }
    }
}
