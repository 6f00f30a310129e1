using System.Globalization;

namespace TaxiDuration.Deployment.Gate;

/// <summary>How figures are written in reasons and reports: invariant culture, fixed precision, so text is comparable.</summary>
internal static class GateText
{
    /// <summary>Minutes or min², three decimals (RMSE differences that matter are tenths of a minute), true minus sign.</summary>
    public static string Minutes(double value) => value.ToString("0.000;−0.000", CultureInfo.InvariantCulture);

    /// <summary>A count with thousands separators, e.g. 4,999.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A relative change from a ratio, signed with a true minus, e.g. 0.728 → "−27.2 %".</summary>
    public static string Change(double ratio) => ((ratio - 1) * 100).ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>A measured ratio with at least two decimals, e.g. 1.21× or 1.021×.</summary>
    public static string Ratio(double value) => value.ToString("0.00#", CultureInfo.InvariantCulture) + "×";

    /// <summary>A configured limit as written in the options, e.g. 1.02 or 1.5.</summary>
    public static string Limit(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage, e.g. 0.95 → "95 %".</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";

    /// <summary>A scoring cost, three significant digits, e.g. 1.2E-05.</summary>
    public static string Seconds(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
