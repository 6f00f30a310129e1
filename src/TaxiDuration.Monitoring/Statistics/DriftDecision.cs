using System.Globalization;

namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// One column's drift verdict with everything needed to explain it: which test ran and why, its score, the
/// threshold and the direction of the comparison (p-values drift when small, distances when large).
/// </summary>
/// <param name="Test">The test that ran.</param>
/// <param name="TestName">Evidently's display name for it (e.g. "K-S p_value"), so reports read the same.</param>
/// <param name="Score">The p-value or distance.</param>
/// <param name="Threshold">Evidently's default threshold for that test.</param>
/// <param name="Drifted">Whether the score crossed the threshold.</param>
/// <param name="ReferenceRows">Reference values that counted (missing ones dropped); Evidently switches tests above 1000.</param>
/// <param name="DistinctValues">Distinct values over both samples; few of them make a numeric column categorical.</param>
public sealed record DriftDecision(
    DriftTest Test,
    string TestName,
    double Score,
    double Threshold,
    bool Drifted,
    int ReferenceRows,
    int DistinctValues)
{
    /// <summary>True when the score is a p-value (drift when small) rather than a distance (drift when large).</summary>
    public bool ScoreIsPValue => Test is DriftTest.KolmogorovSmirnov or DriftTest.ChiSquare or DriftTest.ZTest;

    /// <summary>The comparison that decides drift, in words: "≤", "&lt;" or "≥".</summary>
    public string Comparison => Test switch
    {
        DriftTest.KolmogorovSmirnov => "≤",
        DriftTest.ChiSquare or DriftTest.ZTest => "<",
        _ => "≥",
    };

    /// <summary>A sentence a report can print: the verdict, the score against its threshold, and why this test.</summary>
    public string Explain()
    {
        var score = Score.ToString("G4", CultureInfo.InvariantCulture);
        var threshold = Threshold.ToString(CultureInfo.InvariantCulture);
        var verdict = Drifted ? "drift detected" : "no drift";
        var relation = Drifted ? Comparison : Negated(Comparison);
        return $"{verdict}: {TestName} {score} {relation} {threshold} (test chosen because {Reason()}).";
    }

    private string Reason()
    {
        var rows = ReferenceRows <= DriftTestSelector.SmallReferenceRows
            ? $"the reference has {ReferenceRows} rows, at most {DriftTestSelector.SmallReferenceRows}"
            : $"the reference has {ReferenceRows} rows, more than {DriftTestSelector.SmallReferenceRows}";
        return $"{rows}, and there are {DistinctValues} distinct values";
    }

    private static string Negated(string comparison) => comparison switch
    {
        "≤" => ">",
        "<" => "≥",
        _ => "<",
    };
}
