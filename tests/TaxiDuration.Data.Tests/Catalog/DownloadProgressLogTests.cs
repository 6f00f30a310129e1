using TaxiDuration.Data.Catalog;
using TaxiDuration.Data.Download;
using TaxiDuration.TestSupport;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Tests.Catalog;

/// <summary>Which byte counts become a log line: one per tenth of a known size, one per 5 MB of an unknown one, and always the end.</summary>
public sealed class DownloadProgressLogTests
{
    private const long Megabyte = 1024 * 1024;
    private static readonly TaxiMonth January = TaxiMonth.Parse("green 2021-01");

    [Fact]
    public void A_known_size_is_logged_at_each_tenth_and_at_the_end()
    {
        // Ten megabytes and five bytes: a tenth is exactly 1 MB, and the last five bytes come after the 10 MB line.
        var size = (10 * Megabyte) + 5;

        var lines = Logged(size, 0, 500_000, Megabyte, (2 * Megabyte) - 1, 2 * Megabyte, 10 * Megabyte, size);

        Assert.Equal(
        [
            "Downloading green 2021-01: 0.0 of 10.0 MB (0 %)",
            "Downloading green 2021-01: 1.0 of 10.0 MB (10 %)",
            "Downloading green 2021-01: 2.0 of 10.0 MB (20 %)",
            "Downloading green 2021-01: 10.0 of 10.0 MB (100 %)",
            "Downloading green 2021-01: 10.0 of 10.0 MB (100 %)",
        ], lines);
    }

    [Fact]
    public void An_unknown_size_is_logged_every_five_megabytes()
    {
        var lines = Logged(null, 0, 3 * Megabyte, 5 * Megabyte, 9 * Megabyte, (10 * Megabyte) + 1);

        Assert.Equal(
        [
            "Downloading green 2021-01: 0.0 MB",
            "Downloading green 2021-01: 5.0 MB",
            "Downloading green 2021-01: 10.0 MB",
        ], lines);
    }

    private static List<string> Logged(long? size, params long[] received)
    {
        var logger = new RecordingLogger<MonthCatalog>();
        var log = new DownloadProgressLog(logger, January);
        foreach (var bytes in received)
        {
            log.Report(new DownloadProgress(bytes, size));
        }

        return [.. logger.Entries.Select(entry => entry.Message)];
    }
}
