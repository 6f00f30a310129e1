using TaxiDuration.Data.Reading;
using TaxiDuration.TestSupport;
using TaxiDuration.Trips;

namespace TaxiDuration.Features.Tests;

/// <summary>The course's numbers on the real months (data folder's SOURCES.md and REFERENCE.md).</summary>
public sealed class TripFeaturizerRealDataTests
{
    /// <summary>Rows kept by the 1–60 minute filter, and duration mean / std (ddof=1) before it, per month.</summary>
    private static readonly Dictionary<string, (int Kept, double Mean, double Std)> SourcesTable = new(StringComparer.Ordinal)
    {
        ["2020-03"] = (215_889, 19.5501, 77.1112), ["2020-04"] = (34_301, 17.8133, 67.3296),
        ["2020-08"] = (77_693, 22.0621, 67.5703), ["2020-12"] = (79_666, 21.35, 66.5814),
        ["2021-01"] = (73_908, 19.9279, 59.3386), ["2021-02"] = (61_921, 20.9787, 53.1674),
        ["2021-03"] = (80_372, 21.1183, 55.2723), ["2021-04"] = (82_750, 22.5345, 59.8459),
        ["2021-05"] = (83_615, 23.5498, 70.7547), ["2022-01"] = (59_603, 19.0194, 78.2157),
        ["2022-02"] = (66_097, 19.9, 78.878), ["2022-03"] = (74_507, 20.1994, 78.869),
        ["2022-04"] = (72_599, 18.8536, 62.3788), ["2022-05"] = (72_868, 20.2982, 69.1678),
        ["2022-06"] = (69_529, 20.7951, 73.2584), ["2022-07"] = (60_722, 19.4419, 70.2661),
        ["2022-08"] = (62_354, 19.6667, 71.6517), ["2022-09"] = (64_876, 21.5524, 78.1717),
        ["2022-10"] = (65_446, 20.7571, 77.4022), ["2022-11"] = (58_717, 20.9666, 81.7332),
        ["2023-01"] = (65_946, 18.0973, 74.9256), ["2023-02"] = (62_574, 17.7449, 69.281),
        ["2023-03"] = (69_392, 18.2306, 70.2721), ["2025-01"] = (46_307, 19.9552, 93.924),
    };

    private readonly TlcTripReader reader = new();

    public static TheoryData<string> RealMonths => [.. RealData.AllGreenMonths().Select(path => Path.GetFileName(path))];

    [RealDataFact("2021-01")]
    public async Task Green_2021_01_matches_the_course_anchors()
    {
        var records = await reader.ReadAllAsync(RealData.GreenMonth("2021-01"));

        var month = TripFeaturizer.Featurize(records);
        var (mean, std) = DurationMoments(records);

        Assert.Equal(76_518, month.RawRows);
        Assert.Equal(73_908, month.KeptRows);
        Assert.Equal(76_518 - 73_908, month.Dropped[DropReasons.DurationOutOfRange]);
        Assert.Equal(59.3386, std, 1e-3);
        Assert.Equal(19.9279, mean, 1e-3);
        Assert.Equal(13_220, month.Examples.Select(example => example.PickupDropoff).Distinct(StringComparer.Ordinal).Count());
        // REFERENCE.md: 250 distinct pickup zones and 256 drop-off zones in the filtered month.
        Assert.Equal(250, month.Examples.Select(example => example.PickupLocation).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(256, month.Examples.Select(example => example.DropoffLocation).Distinct(StringComparer.Ordinal).Count());
        Assert.All(month.Examples, example => Assert.InRange(example.Duration, 1f, 60f));
    }

    [RealDataFact("2021-02", "2021-03")]
    public async Task Validation_and_test_months_keep_the_course_row_counts()
    {
        var february = TripFeaturizer.Featurize(await reader.ReadAllAsync(RealData.GreenMonth("2021-02")));
        var march = await TripFeaturizer.FeaturizeAsync(reader.ReadRowGroupsAsync(RealData.GreenMonth("2021-03")));

        Assert.Equal(61_921, february.KeptRows);
        Assert.Equal(80_372, march.KeptRows);
    }

    [RealDataTheory]
    [MemberData(nameof(RealMonths))]
    public async Task Every_real_month_keeps_the_rows_and_has_the_durations_of_sources_md(string fileName)
    {
        Assert.True(TaxiMonth.TryParseFileName(fileName, out var taxiMonth));
        var records = await reader.ReadAllAsync(Path.Combine(RealData.Directory!, fileName));

        var month = TripFeaturizer.Featurize(records);
        var (mean, std) = DurationMoments(records);

        // SOURCES.md's definition of kept, applied to the raw records, holds for every month, listed or not (the real
        // files have no null or out-of-range feature columns: ReadingRealDataTests checks that on each).
        Assert.Equal(records.Count(record => (record.DropoffTime!.Value - record.PickupTime!.Value).TotalMinutes is >= 1 and <= 60), month.KeptRows);
        if (SourcesTable.TryGetValue(taxiMonth.YearMonth, out var expected))
        {
            Assert.Equal(expected.Kept, month.KeptRows);
            // SOURCES.md prints 4 decimals (trailing zeros dropped).
            Assert.Equal(expected.Mean, mean, 6e-5);
            Assert.Equal(expected.Std, std, 6e-5);
        }
    }

    /// <summary>Mean and sample standard deviation (ddof=1, as pandas) of every row's duration, before the filter.</summary>
    private static (double Mean, double Std) DurationMoments(TripRecord[] records)
    {
        var durations = records.Select(record => TripFeatures.DurationMinutes(record.PickupTime!.Value, record.DropoffTime!.Value)).ToArray();
        var mean = durations.Average();
        var variance = durations.Sum(value => (value - mean) * (value - mean)) / (durations.Length - 1);
        return (mean, Math.Sqrt(variance));
    }
}
