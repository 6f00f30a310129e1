using System.Globalization;
using TaxiDuration.Deployment.Replay;
using TaxiDuration.Reporting.Results;

namespace TaxiDuration.Deployment.Commands;

/// <summary>A replay as <c>result.json</c>: how much was sent, how much failed, how fast, which versions answered.</summary>
public static class ReplayResults
{
    public static RunResult ToRunResult(ReplayResult replayed, string month)
    {
        ArgumentNullException.ThrowIfNull(replayed);
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal) { ["labels_file"] = replayed.LabelsPath };
        foreach (var (version, rides) in replayed.RidesByVersion)
        {
            outputs[$"rides.{version}"] = rides.ToString(CultureInfo.InvariantCulture);
        }

        return new RunResult
        {
            Level = 3,
            Host = "levels/level3/Training replay",
            Summary = $"replayed {replayed.Trips:N0} trips of {month}",
            Metrics = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["trips"] = replayed.Trips,
                ["requests"] = replayed.Requests,
                ["failed_requests"] = replayed.Failed,
                ["p50_ms"] = replayed.MedianMilliseconds,
                ["p99_ms"] = replayed.P99Milliseconds,
                [ResultKeys.ElapsedSeconds] = replayed.Elapsed.TotalSeconds,
            },
            Outputs = outputs,
        };
    }
}
