using System.Globalization;
using System.Text;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Validation;

/// <summary>One expectation of <see cref="DataValidationOptions"/> and whether the data met it.</summary>
/// <param name="Name">Short name, e.g. "null share of PickupLocationId".</param>
/// <param name="Passed">Whether the data met it.</param>
/// <param name="Detail">The measured value against the limit, e.g. "60.00 % > 5.00 %".</param>
public sealed record ValidationCheck(string Name, bool Passed, string Detail);

/// <summary>
/// What <see cref="TripDataValidator"/> found in a month: row counts, rejected rows by reason, null share per
/// column, pickups outside the month, and each expectation with pass or fail. Print it with <see cref="ToMarkdown"/>.
/// </summary>
public sealed record DataValidationReport(
    string Subject,
    TaxiMonth? ExpectedMonth,
    long Rows,
    long RejectedRows,
    IReadOnlyDictionary<RejectionReason, long> RejectedByReason,
    IReadOnlyDictionary<string, double> NullShareByColumn,
    double? OutOfMonthShare,
    IReadOnlyList<ValidationCheck> Checks)
{
    /// <summary>Whether every check passed.</summary>
    public bool Passed => Checks.All(check => check.Passed);

    /// <summary>The checks that failed (empty when <see cref="Passed"/>).</summary>
    public IReadOnlyList<ValidationCheck> Failures => Checks.Where(check => !check.Passed).ToArray();

    /// <summary>Share of rows with at least one rejection reason.</summary>
    public double RejectedShare => Rows == 0 ? 0 : (double)RejectedRows / Rows;

    /// <summary>One line: "green 2021-01: PASS, 76,518 rows, 3.42 % rejected" or "…: FAIL (null share of …)".</summary>
    public override string ToString()
    {
        var verdict = Passed ? "PASS" : $"FAIL ({string.Join("; ", Failures.Select(failure => $"{failure.Name}: {failure.Detail}"))})";
        return string.Create(CultureInfo.InvariantCulture, $"{Subject}: {verdict}, {Rows:N0} rows, {Percent(RejectedShare)} rejected");
    }

    /// <summary>The whole report as a Markdown section (checks, rejections, null shares).</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"### Data validation: {Subject} — {(Passed ? "PASS" : "FAIL")}");
        text.AppendLine();
        text.AppendLine(culture, $"{Rows:N0} rows; {RejectedRows:N0} ({Percent(RejectedShare)}) with at least one rejection reason.");
        if (OutOfMonthShare is { } outside && ExpectedMonth is { } month)
        {
            text.AppendLine(culture, $"Pickups outside {month.YearMonth}: {Percent(outside)}.");
        }

        text.AppendLine();
        text.AppendLine("| check | result | measured |");
        text.AppendLine("|---|---|---|");
        foreach (var check in Checks)
        {
            text.AppendLine(culture, $"| {check.Name} | {(check.Passed ? "pass" : "**FAIL**")} | {check.Detail} |");
        }

        text.AppendLine();
        text.AppendLine("| rejection reason | rows | share |");
        text.AppendLine("|---|---:|---:|");
        foreach (var (reason, count) in RejectedByReason)
        {
            text.AppendLine(culture, $"| {reason} | {count:N0} | {Percent(Rows == 0 ? 0 : (double)count / Rows)} |");
        }

        text.AppendLine();
        text.AppendLine("| column | null share |");
        text.AppendLine("|---|---:|");
        foreach (var (column, share) in NullShareByColumn)
        {
            text.AppendLine(culture, $"| {column} | {Percent(share)} |");
        }

        return text.ToString();
    }

    internal static string Percent(double share) => (share * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %";
}
