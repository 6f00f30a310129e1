using System.Text;

namespace TaxiDuration.Reporting;

/// <summary>A plain table for listings: rows of text under named columns, rendered as Markdown or aligned text (or fed to any UI).</summary>
public sealed record Table(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public string ToMarkdown() =>
        Rows.Aggregate(
            new MarkdownTable([.. Columns]),
            (table, row) => table.AddRow([.. Columns.Select((_, index) => (object?)Cell(row, index))]))
            .ToString();

    public string ToPlainText()
    {
        var widths = Columns.Select((column, index) => Rows.Select(row => Cell(row, index).Length).Append(column.Length).Max()).ToArray();
        var text = new StringBuilder();
        AppendPadded(text, Columns, widths);
        text.AppendLine(string.Join("  ", widths.Select(width => new string('-', width))).TrimEnd());
        foreach (var row in Rows)
        {
            AppendPadded(text, row, widths);
        }

        return text.ToString();
    }

    private static string Cell(IReadOnlyList<string> row, int index) => index < row.Count ? row[index] : "";

    private static void AppendPadded(StringBuilder text, IReadOnlyList<string> row, int[] widths) =>
        text.AppendLine(string.Join("  ", widths.Select((width, index) => Cell(row, index).PadRight(width))).TrimEnd());
}
