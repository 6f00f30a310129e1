using System.Globalization;
using System.Text;
using TaxiDuration.Reporting;

namespace TaxiDuration.Deployment.Gate;

/// <summary>Renders a <see cref="GateDecision"/> as Markdown: verdict first, then what was compared, every rule and every slice.</summary>
internal static class GateReport
{
    private const string None = "—";

    public static string Render(GateDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var inputs = decision.Inputs;
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"# Promotion gate: {inputs.Month}\n\n")
            .Append(CultureInfo.InvariantCulture, $"**Verdict: {Verdict(decision.Verdict)}.** {decision.Reason}\n\n")
            .Append("## Inputs\n\n")
            .Append(Inputs(inputs))
            .Append("\n## Rules\n\n")
            .Append(Rules(decision.Rules))
            .Append("\n## Slices\n\n")
            .Append(Slices(decision.Slices));
        return text.ToString();
    }

    private static string Verdict(GateVerdict verdict) => verdict switch
    {
        GateVerdict.Promote => "Promote",
        GateVerdict.KeepChampion => "Keep the champion",
        GateVerdict.Reject => "Reject",
        _ => verdict.ToString(),
    };

    private static string Inputs(GateInputs inputs)
    {
        var champion = inputs.Champion is { } model
            ? $"{model.Uri} (RMSE {GateText.Minutes(inputs.ChampionRmse!.Value)} min, {GateText.Seconds(model.SecondsPerRow)} s/row)"
            : "none: this is the first model";
        return new MarkdownTable("Input", "Value")
            .AddRow("Month", inputs.Month)
            .AddRow("Trips", $"{GateText.Count(inputs.Trips)} over {GateText.Count(inputs.Days)} days")
            .AddRow("Challenger", $"{inputs.Challenger.Uri} (RMSE {GateText.Minutes(inputs.ChallengerRmse)} min, {GateText.Seconds(inputs.Challenger.SecondsPerRow)} s/row)")
            .AddRow("Champion", champion)
            .AddRow("Mean baseline", $"RMSE {GateText.Minutes(inputs.MeanBaselineRmse)} min")
            .ToString();
    }

    private static string Rules(IReadOnlyList<GateRule> rules)
    {
        var table = new MarkdownTable("Rule", "Passed", "Observed", "Requirement", "Explanation");
        foreach (var rule in rules)
        {
            table.AddRow(rule.Name, YesNo(rule.Passed), Number(rule.Observed), $"{rule.Comparison} {Number(rule.Threshold)}", rule.Explanation);
        }

        return table.ToString();
    }

    private static string Slices(IReadOnlyList<SliceResult> slices)
    {
        var table = new MarkdownTable("Family", "Slice", "Definition", "n", "Champion RMSE", "Challenger RMSE", "Ratio", "Judged", "Passed");
        foreach (var slice in slices)
        {
            table.AddRow(
                slice.Family,
                slice.Slice,
                slice.Definition,
                GateText.Count(slice.Trips),
                slice.ChampionRmse is { } champion ? Number(champion) : None,
                Number(slice.ChallengerRmse),
                slice.Ratio is { } ratio ? Number(ratio) : None,
                slice.Checked ? "yes" : slice.ChampionRmse is null ? "no champion" : "too small",
                slice.Checked ? YesNo(slice.Passed) : None);
        }

        return table.ToString();
    }

    private static string YesNo(bool value) => value ? "yes" : "**no**";

    private static string Number(double value) => double.IsNaN(value) ? None : value.ToString("0.####", CultureInfo.InvariantCulture);
}
