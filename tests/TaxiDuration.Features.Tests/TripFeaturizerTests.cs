using TaxiDuration.Trips;

namespace TaxiDuration.Features.Tests;

public sealed class TripFeaturizerTests
{
    // Sunday 3 January 2021, 23:59:30 — hour 23, weekday 0.
    private static readonly DateTime Sunday = new(2021, 1, 3, 23, 59, 30);

    private static TripRecord Trip(double minutes, int pu = 43, int @do = 151, double distance = 2.5, DateTime? pickup = null)
    {
        var start = pickup ?? Sunday;
        return new TripRecord(start, start.AddMinutes(minutes), pu, @do, 1, distance, 10, 12);
    }

    [Theory]
    [InlineData(1.0, true)]
    [InlineData(60.0, true)]
    [InlineData(30.0, true)]
    [InlineData(0.99, false)]
    [InlineData(60.01, false)]
    [InlineData(0.0, false)]
    [InlineData(-5.0, false)]
    public void The_course_filter_keeps_1_to_60_minutes_inclusive(double minutes, bool kept)
    {
        var month = TripFeaturizer.Featurize([Trip(minutes)]);

        Assert.Equal(kept ? 1 : 0, month.KeptRows);
        Assert.Equal(kept ? 0 : 1, month.Dropped[DropReasons.DurationOutOfRange]);
        Assert.Equal(kept, TripFeatures.IsTrainableDuration(minutes));
    }

    [Fact]
    public void Exactly_one_and_sixty_minutes_to_the_microsecond_are_kept()
    {
        var start = new DateTime(2021, 1, 5, 10, 0, 0);
        TripRecord[] trips =
        [
            new(start, start.AddMinutes(1), 1, 2, null, 1, null, null),
            new(start, start.AddHours(1), 1, 2, null, 1, null, null),
            new(start, start.AddMinutes(1).AddTicks(-10), 1, 2, null, 1, null, null),
            new(start, start.AddHours(1).AddTicks(10), 1, 2, null, 1, null, null),
        ];

        var month = TripFeaturizer.Featurize(trips);

        Assert.Equal([1f, 60f], month.Examples.Select(example => example.Duration));
    }

    [Fact]
    public void A_kept_trip_has_the_course_features()
    {
        var example = Assert.Single(TripFeaturizer.Featurize([Trip(12.5)]).Examples);

        Assert.Equal("43", example.PickupLocation);
        Assert.Equal("151", example.DropoffLocation);
        Assert.Equal("43_151", example.PickupDropoff);
        Assert.Equal(2.5f, example.TripDistance);
        Assert.Equal(12.5f, example.Duration);
        Assert.Equal(23f, example.PickupHour);
        Assert.Equal(0f, example.PickupDayOfWeek);
    }

    [Theory]
    [InlineData("2021-01-03T00:00:00", 0, 0)] // Sunday midnight
    [InlineData("2021-01-04T13:45:00", 13, 1)] // Monday
    [InlineData("2021-01-09T23:59:59", 23, 6)] // Saturday
    [InlineData("2024-02-29T07:00:00", 7, 4)] // Thursday, leap day
    public void Hour_and_weekday_use_the_pickup_wall_clock_with_sunday_zero(string pickup, int hour, int weekday)
    {
        var time = DateTime.Parse(pickup, System.Globalization.CultureInfo.InvariantCulture);

        var example = Assert.Single(TripFeaturizer.Featurize([Trip(10, pickup: time)]).Examples);

        Assert.Equal(hour, example.PickupHour);
        Assert.Equal(weekday, example.PickupDayOfWeek);
        Assert.Equal(hour, TripFeatures.Hour(time));
        Assert.Equal(weekday, TripFeatures.DayOfWeek(time));
    }

    [Fact]
    public void Rows_lacking_what_a_feature_needs_are_dropped_and_counted_by_reason()
    {
        TripRecord[] trips =
        [
            Trip(10),
            Trip(10) with { PickupTime = null },
            Trip(10) with { DropoffTime = null },
            Trip(10) with { PickupLocationId = null },
            Trip(10) with { DropoffLocationId = null },
            Trip(10) with { TripDistance = null },
            Trip(10, pu: 0),
            Trip(10, @do: 266),
            Trip(10, pu: 264, @do: 265),
            Trip(90),
            Trip(10) with { PassengerCount = null, FareAmount = null, TotalAmount = null },
        ];

        var month = TripFeaturizer.Featurize(trips);

        Assert.Equal(11, month.RawRows);
        Assert.Equal(3, month.KeptRows);
        Assert.Equal(3, month.Examples.Count);
        Assert.Equal(new Dictionary<string, int>
        {
            [DropReasons.MissingTime] = 2,
            [DropReasons.MissingZone] = 2,
            [DropReasons.MissingDistance] = 1,
            [DropReasons.ZoneOutOfRange] = 2,
            [DropReasons.DurationOutOfRange] = 1,
        }, month.Dropped);
        Assert.Equal(month.RawRows, month.KeptRows + month.Dropped.Values.Sum());
        Assert.Equal(3 / 11.0, month.KeptShare, 12);
    }

    [Fact]
    public void Negative_and_zero_distances_are_kept_as_the_course_keeps_them()
    {
        var month = TripFeaturizer.Featurize([Trip(10, distance: 0), Trip(10, distance: -1.5)]);

        Assert.Equal([0f, -1.5f], month.Examples.Select(example => example.TripDistance));
    }

    // Enough trips, in groups of an odd size, that kept rows fill several chunks both ways (rows one at a time from an
    // enumerable, and row groups that each ask for room) and the examples read across the chunks in order.
    [Fact]
    public async Task Every_input_shape_gives_the_same_examples()
    {
        var random = new Random(5);
        var trips = Enumerable.Range(0, 5_000)
            .Select(i => Trip(random.Next(-5, 90), random.Next(0, 268), random.Next(1, 266), random.NextDouble() * 10, Sunday.AddMinutes(i * 37)))
            .ToArray();

        var fromArray = TripFeaturizer.Featurize(trips);
        var fromEnumerable = TripFeaturizer.Featurize(trips.Where(_ => true));
        var fromSpan = TripFeaturizer.Featurize(trips.AsSpan());
        var fromStream = await TripFeaturizer.FeaturizeAsync(trips.Chunk(700).ToAsyncEnumerable());
        var fromSmallGroups = await TripFeaturizer.FeaturizeAsync(trips.Chunk(64).ToAsyncEnumerable());
        var fromColumns = await TripFeaturizer.FeaturizeAsync(trips.Chunk(700).Select(group => TripColumns.FromRecords(group)).ToAsyncEnumerable());

        Assert.InRange(fromArray.KeptRows, 2_500, 4_000);
        Assert.Equal(fromArray.KeptRows, fromArray.Examples.Count);
        foreach (var other in new[] { fromEnumerable, fromSpan, fromStream, fromSmallGroups, fromColumns })
        {
            Assert.Equal(fromArray.RawRows, other.RawRows);
            Assert.Equal(fromArray.Dropped, other.Dropped);
            Assert.Equal(Describe(fromArray.Examples), Describe(other.Examples));
            Assert.Equal(fromArray.PickupTimes, other.PickupTimes);
        }
    }

    [Fact]
    public async Task Columns_drop_a_missing_time_zone_or_distance_as_records_do()
    {
        TripRecord[] trips =
        [
            Trip(10),
            Trip(10) with { DropoffTime = null },
            Trip(10) with { PickupLocationId = null },
            Trip(10) with { DropoffLocationId = null },
            Trip(10) with { TripDistance = null },
            Trip(10, pu: 266),
            Trip(90),
            Trip(20, pu: 7, @do: 9, distance: 3.5),
        ];

        var fromRecords = TripFeaturizer.Featurize(trips);
        var fromColumns = await TripFeaturizer.FeaturizeAsync(new[] { TripColumns.FromRecords(trips) }.ToAsyncEnumerable());

        Assert.Equal(new Dictionary<string, int>
        {
            [DropReasons.MissingTime] = 1,
            [DropReasons.MissingZone] = 2,
            [DropReasons.MissingDistance] = 1,
            [DropReasons.ZoneOutOfRange] = 1,
            [DropReasons.DurationOutOfRange] = 1,
        }, fromColumns.Dropped);
        Assert.Equal(fromRecords.Dropped, fromColumns.Dropped);
        Assert.Equal(Describe(fromRecords.Examples), Describe(fromColumns.Examples));
        Assert.Equal(["43_151", "7_9"], fromColumns.Examples.Select(example => example.PickupDropoff));
    }

    [Fact]
    public void Each_kept_trip_keeps_its_own_zones_pair_and_pickup_time()
    {
        // Many trips share a pickup or a drop-off zone: the PU_DO strings are cached per pair, and each must be its own.
        var random = new Random(11);
        var trips = Enumerable.Range(0, 400)
            .Select(i => Trip(random.Next(1, 61), random.Next(1, 6), random.Next(1, 6), 1.0, Sunday.AddMinutes(i * 13)))
            .ToArray();

        var month = TripFeaturizer.Featurize(trips);

        Assert.Equal(trips.Length, month.KeptRows);
        Assert.Equal(trips.Select(trip => $"{trip.PickupLocationId}_{trip.DropoffLocationId}"), month.Examples.Select(example => example.PickupDropoff));
        Assert.Equal(trips.Select(trip => trip.PickupTime!.Value), month.PickupTimes);
    }

    [Fact]
    public void An_empty_input_gives_an_empty_month()
    {
        var month = TripFeaturizer.Featurize(Array.Empty<TripRecord>());

        Assert.Equal(0, month.RawRows);
        Assert.Empty(month.Examples);
        Assert.Equal(0, month.KeptShare);
        Assert.All(DropReasons.All, reason => Assert.Equal(0, month.Dropped[reason]));
    }

    [Fact]
    public void A_ride_is_featurized_exactly_as_the_same_trip_in_training()
    {
        var pickup = new DateTime(2021, 1, 6, 17, 20, 0);
        var training = Assert.Single(TripFeaturizer.Featurize([Trip(14, 74, 75, 3.1, pickup)]).Examples);

        var serving = TripFeaturizer.ForRide(74, 75, 3.1, pickup);

        Assert.Equal(Describe([training]) with { Duration = 0 }, Describe([serving]));
    }

    [Theory]
    [InlineData(0, 1, 1.0, "pickupZone")]
    [InlineData(1, 266, 1.0, "dropoffZone")]
    [InlineData(1, 1, -0.1, "tripDistance")]
    [InlineData(1, 1, double.NaN, "tripDistance")]
    [InlineData(1, 1, double.PositiveInfinity, "tripDistance")]
    public void A_ride_outside_the_valid_ranges_is_refused(int pu, int @do, double distance, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TripFeaturizer.ForRide(pu, @do, distance, Sunday));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void A_ride_of_zero_miles_is_served_like_training_keeps_it()
    {
        Assert.Equal(0f, TripFeaturizer.ForRide(1, 1, 0.0, Sunday).TripDistance);
    }

    [Fact]
    public void A_refused_ride_says_what_the_valid_range_is()
    {
        var zone = Assert.Throws<ArgumentOutOfRangeException>(() => TripFeaturizer.ForRide(0, 1, 1.0, Sunday));
        var distance = Assert.Throws<ArgumentOutOfRangeException>(() => TripFeaturizer.ForRide(1, 1, -1.0, Sunday));

        Assert.StartsWith("A TLC zone ID is 1–265.", zone.Message, StringComparison.Ordinal);
        Assert.StartsWith("Trip distance must be a finite number of miles, zero or more.", distance.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ride_without_pickup_time_is_dated_now_in_new_york()
    {
        // 16:00 UTC on Thursday 1 July 2021 is 12:00 in New York (EDT, UTC-4); in January it would be 11:00 (EST).
        var summer = TripFeaturizer.ForRide(1, 2, 1, NycTime.Now(new FixedClock(new DateTimeOffset(2021, 7, 1, 16, 0, 0, TimeSpan.Zero))));
        var winter = TripFeaturizer.ForRide(1, 2, 1, NycTime.Now(new FixedClock(new DateTimeOffset(2021, 1, 7, 16, 0, 0, TimeSpan.Zero))));
        var lateUtc = TripFeaturizer.ForRide(1, 2, 1, NycTime.Now(new FixedClock(new DateTimeOffset(2021, 1, 10, 2, 0, 0, TimeSpan.Zero))));

        Assert.Equal((12f, 4f), (summer.PickupHour, summer.PickupDayOfWeek));
        Assert.Equal((11f, 4f), (winter.PickupHour, winter.PickupDayOfWeek));
        // 02:00 UTC Sunday is still Saturday 21:00 in New York.
        Assert.Equal((21f, 6f), (lateUtc.PickupHour, lateUtc.PickupDayOfWeek));
    }

    [Fact]
    public void The_zone_range_is_the_tlc_one()
    {
        Assert.Equal(1, TripFeatures.MinZoneId);
        Assert.Equal(265, TripFeatures.MaxZoneId);
        Assert.Equal("7_265", TripFeatures.PickupDropoff(7, 265));
    }

    private static ExampleView Describe(IReadOnlyList<TripExample> examples) =>
        examples.Count == 1
            ? new ExampleView(examples[0].PickupLocation, examples[0].DropoffLocation, examples[0].PickupDropoff, examples[0].TripDistance, examples[0].PickupHour, examples[0].PickupDayOfWeek, examples[0].Duration, 1)
            : new ExampleView(
                string.Join(',', examples.Select(e => e.PickupLocation)),
                string.Join(',', examples.Select(e => e.DropoffLocation)),
                string.Join(',', examples.Select(e => e.PickupDropoff)),
                examples.Sum(e => e.TripDistance),
                examples.Sum(e => e.PickupHour),
                examples.Sum(e => e.PickupDayOfWeek),
                examples.Sum(e => e.Duration),
                examples.Count);

    private sealed record ExampleView(string Pickup, string Dropoff, string Pair, float Distance, float Hour, float Weekday, float Duration, int Count);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
