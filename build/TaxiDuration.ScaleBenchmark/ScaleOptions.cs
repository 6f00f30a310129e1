using System.Globalization;

namespace TaxiDuration.ScaleBenchmark;

/// <param name="Sizes">Rows per synthetic month; 3 million is a yellow-taxi month.</param>
/// <param name="FitMaxRows">Sizes above this get only the data stages (a 3 M-row LightGBM fit takes minutes).</param>
/// <param name="Year">Also prepare twelve months of the largest size in turn.</param>
internal sealed record ScaleOptions(IReadOnlyList<int> Sizes, string Output, int FitMaxRows, bool Year)
{
    /// <summary>The options, or null when an argument is not understood.</summary>
    public static ScaleOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new ScaleOptions([100_000, 300_000, 1_000_000, 3_000_000], Path.Combine("artifacts", "scale"), int.MaxValue, Year: true);
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--sizes" when value is not null && TryParseSizes(value, out var sizes):
                    options = options with { Sizes = sizes };
                    i++;
                    break;
                case "--out" when !string.IsNullOrWhiteSpace(value):
                    options = options with { Output = value };
                    i++;
                    break;
                case "--fit-max-rows" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var maximum):
                    options = options with { FitMaxRows = maximum };
                    i++;
                    break;
                case "--no-year":
                    options = options with { Year = false };
                    break;
                default:
                    return null;
            }
        }

        return options;
    }

    private static bool TryParseSizes(string text, out int[] sizes)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        sizes = [.. parts.Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var rows) ? rows : 0)];
        return sizes.Length > 0 && sizes.All(rows => rows > 0);
    }
}
