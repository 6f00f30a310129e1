using Spectre.Console;
using Listing = TaxiDuration.Tracking.Browsing.Table;

namespace TaxiDuration.Level2.Training;

/// <summary>Draws a tracking listing as a terminal table (the listing itself knows nothing about terminals).</summary>
internal static class TableView
{
    public static void Write(string title, Listing listing)
    {
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
