using TaxiDuration.Data;

namespace TaxiDuration.DataTool;

/// <summary>What the data tool prepares; built by <see cref="Parse"/>, which validates it.</summary>
internal sealed class DataToolOptions
{
    public const string Usage =
        "usage: TaxiDuration.DataTool --months 2021-01,2021-02 [--offline] [--real-only] [--report-dir artifacts/data]";

    public IReadOnlyList<TaxiMonth> Months { get; private init; } = [];

    /// <summary>Fetch missing months from the TLC (off with --offline).</summary>
    public bool AllowDownload { get; private init; } = true;

    /// <summary>Write synthetic stand-ins for months that can't be had (off with --real-only).</summary>
    public bool AllowSynthetic { get; private init; } = true;

    /// <summary>Where the Markdown validation reports go.</summary>
    public string ReportDirectory { get; private init; } = Path.Combine("artifacts", "data");

    /// <exception cref="ArgumentException">An unknown option, a missing value or an invalid month, with the usage.</exception>
    public static DataToolOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        IReadOnlyList<TaxiMonth> months = [];
        bool allowDownload = true, allowSynthetic = true;
        var reportDirectory = Path.Combine("artifacts", "data");
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--months":
                    months = ValueOf(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(ParseMonth).Distinct().ToArray();
                    break;
                case "--offline":
                    allowDownload = false;
                    break;
                case "--real-only":
                    allowSynthetic = false;
                    break;
                case "--report-dir":
                    reportDirectory = ValueOf(args, ref i);
                    break;
                default:
                    throw new ArgumentException($"unknown option '{args[i]}'. {Usage}");
            }
        }

        if (months.Count == 0)
        {
            throw new ArgumentException($"--months is required. {Usage}");
        }

        return new DataToolOptions
        {
            Months = months,
            AllowDownload = allowDownload,
            AllowSynthetic = allowSynthetic,
            ReportDirectory = reportDirectory,
        };
    }

    private static string ValueOf(IReadOnlyList<string> args, ref int index) =>
        index + 1 < args.Count && !args[index + 1].StartsWith("--", StringComparison.Ordinal)
            ? args[++index]
            : throw new ArgumentException($"{args[index]} needs a value. {Usage}");

    private static TaxiMonth ParseMonth(string text) =>
        TaxiMonth.TryParse(text, out var month)
            ? month
            : throw new ArgumentException($"'{text}' is not a month like 2021-01 or 'green 2021-01'. {Usage}");
}
