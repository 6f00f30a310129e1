namespace TaxiDuration.Reporting.Tests;

public sealed class MarkdownTableTests
{
    [Fact]
    public void Renders_header_separator_and_rows_with_invariant_numbers()
    {
        var table = new MarkdownTable("model", "rmse", "rows").AddRow("linear", 7.45068, 61921).AddRow("lightgbm", 5.5f, 0);

        Assert.Equal(
            "| model | rmse | rows |\n| --- | --- | --- |\n| linear | 7.4507 | 61921 |\n| lightgbm | 5.5 | 0 |\n",
            table.ToString());
    }

    [Fact]
    public void A_pipe_or_newline_in_a_cell_cannot_break_the_table()
    {
        var text = new MarkdownTable("note").AddRow("a|b\nc").ToString();

        Assert.Equal("| note |\n| --- |\n| a\\|b c |\n", text);
    }

    [Fact]
    public void A_row_of_the_wrong_width_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new MarkdownTable("a", "b").AddRow("only one"));
        Assert.Contains("1 cells", error.Message, StringComparison.Ordinal);
    }
}
