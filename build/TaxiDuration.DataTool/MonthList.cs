using System.CommandLine.Parsing;
using TaxiDuration.Trips;

namespace TaxiDuration.DataTool;

/// <summary>Parses <c>--months 2021-01,2021-02</c>; a value that is not a month is a usage error naming it.</summary>
internal static class MonthList
{
    public static TaxiMonth[] Parse(ArgumentResult result)
    {
        var months = new List<TaxiMonth>();
        foreach (var text in result.Tokens.SelectMany(token => token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (TaxiMonth.TryParse(text, out var month))
            {
                months.Add(month);
            }
            else
            {
                result.AddError($"--months '{text}' is not a month: use YYYY-MM (e.g. 2021-01) or '<service> YYYY-MM'.");
            }
        }

        if (months.Count == 0 && result.Tokens.Count > 0)
        {
            result.AddError("--months names no month.");
        }

        return [.. months.Distinct()];
    }
}
