using System.Text;

namespace TaxiDuration.Reporting;

/// <summary>Builds a GitHub-flavoured Markdown table; cells are escaped so a '|' in a value cannot break it.</summary>
public sealed class MarkdownTable
{
    private readonly string[] headers;
    private readonly List<string[]> rows = [];

    public MarkdownTable(params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        this.headers = headers;
    }

    public MarkdownTable AddRow(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"Row has {cells.Length} cells; the table has {headers.Length} columns.", nameof(cells));
        }

        rows.Add(cells.Select(Format).ToArray());
        return this;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        AppendRow(text, headers);
        AppendRow(text, headers.Select(_ => "---").ToArray());
        foreach (var row in rows)
        {
            AppendRow(text, row);
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] cells) =>
        text.Append("| ").AppendJoin(" | ", cells).Append(" |\n");

    private static string Format(object? cell) => cell switch
    {
        null => "",
        double value => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
        float value => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable value => value.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => cell.ToString()!.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal),
    };
}
