using Spectre.Console;
using Listing = TaxiDuration.Reporting.Table;

namespace TaxiDuration.CommandLine;

/// <summary>Draws a listing as a terminal table, or as Markdown when output is not a terminal (the listing knows neither).</summary>
public static class TableView
{
    public static void Write(string title, Listing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            // Logs and pipes get Markdown: no column squeezed to an ellipsis, and it pastes into an issue as a table.
            Console.WriteLine($"## {title}\n");
            Console.WriteLine(listing.Rows.Count == 0 ? "none yet\n" : listing.ToMarkdown());
            return;
        }

        var view = new Spectre.Console.Table { Title = new TableTitle(Markup.Escape(title)) };
        foreach (var column in listing.Columns)
        {
            view.AddColumn(Markup.Escape(column));
        }

        foreach (var row in listing.Rows)
        {
            view.AddRow(row.Select(cell => new Markup(Markup.Escape(cell))).ToArray());
        }

        AnsiConsole.Write(listing.Rows.Count == 0 ? new Markup($"[grey]{Markup.Escape(title)}: none yet[/]\n") : view);
    }
}
