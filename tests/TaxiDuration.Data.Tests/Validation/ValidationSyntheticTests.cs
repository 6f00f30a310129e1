using TaxiDuration.Data.Reading;
using TaxiDuration.Data.Synthetic;
using TaxiDuration.Data.Tests.Reading;
using TaxiDuration.Data.Validation;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Tests.Validation;

/// <summary>A synthetic month, dirt included, reads back through the reader and passes validation like a real one.</summary>
public sealed class ValidationSyntheticTests
{
    [Theory]
    [InlineData(SyntheticScenario.None)]
    [InlineData(SyntheticScenario.Lockdown)]
    [InlineData(SyntheticScenario.ZoneShift)]
    [InlineData(SyntheticScenario.SlowTraffic)]
    public async Task A_synthetic_month_with_the_generators_dirt_passes_with_the_defaults(SyntheticScenario scenario)
    {
        using var files = new ReadingFiles();
        var month = TaxiMonth.Parse("2021-01");
        var path = files.PathOf(month.FileName);
        var rows = await new SyntheticMonthGenerator().WriteAsync(month, path, new SyntheticMonthOptions { Rows = 20_000, Scenario = scenario });

        var report = await new TripDataValidator().ValidateFileAsync(new TlcTripReader(), path);

        Assert.True(report.Passed, report.ToMarkdown());
        Assert.Equal(rows, report.Rows);
        Assert.Equal(month, report.ExpectedMonth);
        // The generator's dirt is there and is counted, just not enough to fail a month.
        Assert.True(report.RejectedRows > 0, report.ToMarkdown());
        Assert.True(report.OutOfMonthShare > 0, report.ToMarkdown());
        Assert.True(report.RejectedByReason[RejectionReason.DropoffBeforePickup] > 0, report.ToMarkdown());
        Assert.True(report.RejectedByReason[RejectionReason.DurationOverLimit] > 0, report.ToMarkdown());
    }

    [Fact]
    public async Task Validating_while_another_reader_consumes_the_row_groups_counts_what_a_separate_pass_counts()
    {
        using var files = new ReadingFiles();
        var month = TaxiMonth.Parse("2021-01");
        var path = files.PathOf(month.FileName);
        // Seven row groups, the last one short: the streamed pass sees every group once, in order.
        await new SyntheticMonthGenerator().WriteAsync(month, path, new SyntheticMonthOptions { Rows = 6_500, RowGroupRows = 1_000 });
        var reader = new TlcTripReader();
        var validator = new TripDataValidator();

        var (report, groups) = await validator.ValidateWhileAsync(reader.ReadRowGroupsAsync(path), CollectAsync, month, subject: Path.GetFileName(path));
        var separate = await validator.ValidateFileAsync(reader, path, month);

        Assert.Equal([1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 500], groups.Select(group => group.Length));
        Assert.Equal(await reader.ReadAllAsync(path), groups.SelectMany(group => group));
        Assert.Equal(separate.ToMarkdown(), report.ToMarkdown());
        Assert.Equal(6_500, report.Rows);
        Assert.True(report.RejectedRows > 0, report.ToMarkdown());
    }

    private static async Task<List<TripRecord[]>> CollectAsync(IAsyncEnumerable<TripRecord[]> rowGroups)
    {
        var groups = new List<TripRecord[]>();
        await foreach (var group in rowGroups)
        {
            groups.Add(group);
        }

        return groups;
    }
}
