using TaxiDuration.Trips;

namespace TaxiDuration.Features.Tests;

/// <summary>Featurized trips held as columns in chunks, read back as rows: by index, in order, and as subsets.</summary>
public sealed class TripExamplesTests
{
    private static readonly DateTime Start = new(2021, 1, 4, 6, 0, 0);

    // 3,000 distinct trips streamed in groups of 250: a dozen chunks, each row recognisable by its distance.
    private static async Task<TripExamples> ChunkedAsync()
    {
        var trips = Enumerable.Range(0, 3_000)
            .Select(i => new TripRecord(Start.AddMinutes(i), Start.AddMinutes(i + 1 + (i % 50)), 1 + (i % 265), 265 - (i % 265), 1, i / 100.0, 10, 12))
            .ToArray();
        return (await TripFeaturizer.FeaturizeAsync(trips.Chunk(250).ToAsyncEnumerable())).Examples;
    }

    private static string Describe(TripExample example) =>
        $"{example.PickupLocation} {example.DropoffLocation} {example.PickupDropoff} {example.TripDistance} {example.PickupHour} {example.PickupDayOfWeek} {example.Duration}";

    [Fact]
    public async Task Every_row_read_by_index_is_the_row_read_in_order_across_chunks()
    {
        var examples = await ChunkedAsync();

        var inOrder = examples.Select(Describe).ToArray();
        var byIndex = Enumerable.Range(0, examples.Count).Select(row => Describe(examples[row])).ToArray();

        Assert.Equal(3_000, examples.Count);
        Assert.Equal(inOrder, byIndex);
        Assert.Equal(Enumerable.Range(0, 3_000).Select(i => (float)(i / 100.0)), examples.Select(example => example.TripDistance));
        Assert.Equal(Enumerable.Range(0, 3_000).Select(i => Start.AddMinutes(i)), examples.PickupTimes);
        Assert.Equal(examples.PickupTimes, Enumerable.Range(0, examples.Count).Select(row => examples.PickupTimes[row]));
    }

    [Fact]
    public async Task A_row_is_derived_from_its_trip_through_the_feature_definitions()
    {
        var examples = await ChunkedAsync();

        var row = examples[1_234];

        // Trip 1234: zones 1 + 1234 % 265 = 175 and 265 − 174 = 91, 1 + 34 minutes, picked up 1,234 minutes after
        // Monday 06:00, so Tuesday at 02:34.
        Assert.Equal(("175", "91", "175_91"), (row.PickupLocation, row.DropoffLocation, row.PickupDropoff));
        Assert.Equal((12.34f, 35f), (row.TripDistance, row.Duration));
        Assert.Equal((2, (int)DayOfWeek.Tuesday), ((int)row.PickupHour, (int)row.PickupDayOfWeek));
    }

    [Fact]
    public async Task A_row_group_that_keeps_no_trip_leaves_no_gap_between_its_neighbours()
    {
        // 1,500 kept, 1,500 all too long (dropped), 2,000 kept: the empty group's chunk sits between the other two.
        TripRecord Trip(int i, double minutes) => new(Start.AddMinutes(i), Start.AddMinutes(i + minutes), 7, 9, 1, i / 100.0, 10, 12);
        TripRecord[][] groups =
        [
            [.. Enumerable.Range(0, 1_500).Select(i => Trip(i, 10))],
            [.. Enumerable.Range(1_500, 1_500).Select(i => Trip(i, 90))],
            [.. Enumerable.Range(3_000, 2_000).Select(i => Trip(i, 10))],
        ];

        var examples = (await TripFeaturizer.FeaturizeAsync(groups.ToAsyncEnumerable())).Examples;

        Assert.Equal(3_500, examples.Count);
        Assert.Equal(examples.Select(Describe), Enumerable.Range(0, examples.Count).Select(row => Describe(examples[row])));
        Assert.Equal(30f, examples[1_500].TripDistance);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3_000)]
    public async Task A_row_outside_the_examples_is_refused(int row)
    {
        var examples = await ChunkedAsync();

        Assert.Throws<ArgumentOutOfRangeException>(() => examples[row]);
        Assert.Throws<ArgumentOutOfRangeException>(() => examples.PickupTimes[row]);
        Assert.Throws<ArgumentOutOfRangeException>(() => examples.Rows([0, row]));
    }

    [Fact]
    public async Task Rows_are_examples_of_their_own_in_the_order_asked()
    {
        var examples = await ChunkedAsync();
        int[] rows = [2_999, 0, 251, 251, 1_500];

        var subset = examples.Rows(rows);

        Assert.Equal(rows.Length, subset.Count);
        Assert.Equal(rows.Select(row => Describe(examples[row])), subset.Select(Describe));
        Assert.Equal(rows.Select(row => examples.PickupTimes[row]), subset.PickupTimes);
        Assert.Empty(examples.Rows([]));
    }

    [Fact]
    public async Task A_row_read_is_a_copy_and_changing_it_changes_nothing()
    {
        var examples = await ChunkedAsync();

        examples[10].TripDistance = 999;

        Assert.Equal(0.1f, examples[10].TripDistance);
    }

    [Fact]
    public void No_examples_read_as_an_empty_list()
    {
        Assert.Empty(TripExamples.Empty);
        Assert.Empty(TripExamples.Empty.PickupTimes);
        Assert.Throws<ArgumentOutOfRangeException>(() => TripExamples.Empty[0]);
    }
}
