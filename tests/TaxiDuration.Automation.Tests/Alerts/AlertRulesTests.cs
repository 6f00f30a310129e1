using System.Text.RegularExpressions;
using TaxiDuration.Automation.Metrics;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Automation.Tests.Alerts;

/// <summary>The alert rules shipped in deploy/prometheus: valid, unit-tested by promtool, and over metrics that exist.</summary>
public sealed partial class AlertRulesTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "prometheus");

    // Metrics the level-3 service serves on /metrics that the rules use (the loop's own are MonitoringMetricsFile.Names).
    private static readonly string[] ServiceMetrics = ["taxi_model_reloads_total"];

    [PromtoolFact]
    public async Task The_rules_pass_their_promtool_unit_tests()
    {
        var (exitCode, output) = await Promtool.RunAsync(Folder, null, "test", "rules", "taxi-duration.rules.test.yml");

        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }

    [PromtoolFact]
    public async Task The_rules_file_is_valid_and_holds_every_alert()
    {
        var (exitCode, output) = await Promtool.RunAsync(Folder, null, "check", "rules", "taxi-duration.rules.yml");

        Assert.True(exitCode == 0, output);
        Assert.Contains("7 rules found", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_metric_a_rule_reads_is_written_by_the_loop_or_served_by_the_service()
    {
        // Comments name files (taxi_monitor.prom), not metrics.
        var rules = string.Join('\n', File.ReadAllLines(Path.Combine(Folder, "taxi-duration.rules.yml")).Where(line => !line.TrimStart().StartsWith('#')));

        var used = MetricName().Matches(rules).Select(match => match.Value).Distinct().ToArray();

        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.Contains(name, MonitoringMetricsFile.Names.Concat(ServiceMetrics)));
    }

    [Fact]
    public void Every_alert_has_a_unit_test()
    {
        var rules = File.ReadAllText(Path.Combine(Folder, "taxi-duration.rules.yml"));
        var tests = File.ReadAllText(Path.Combine(Folder, "taxi-duration.rules.test.yml"));

        var alerts = AlertName().Matches(rules).Select(match => match.Groups["name"].Value).ToArray();

        Assert.Equal(7, alerts.Length);
        Assert.All(alerts, alert => Assert.Contains($"alertname: {alert}", tests, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\btaxi_[a-z_]+\b")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"- alert: (?<name>\w+)")]
    private static partial Regex AlertName();
}
