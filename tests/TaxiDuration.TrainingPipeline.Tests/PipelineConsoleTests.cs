using System.Globalization;
using Spectre.Console;
using TaxiDuration.Reporting.Results;
using TaxiDuration.TrainingPipeline.Commands;

namespace TaxiDuration.TrainingPipeline.Tests;

/// <summary>What the train command prints after a run: the goals' verdicts as words, coloured only where the console can.</summary>
public sealed class PipelineConsoleTests
{
    [Theory]
    [InlineData(true, "goal pipeline time ≤ 180 s: met (49.798)", "[green]met[/]")]
    [InlineData(false, "goal pipeline time ≤ 180 s: MISSED (49.798)", "[red]MISSED[/]")]
    public void A_goal_line_is_its_verdict_in_words_coloured_by_markup_not_printed_as_markup(bool met, string plain, string coloured)
    {
        var line = PipelineConsole.GoalMarkup(new GoalCheck("pipeline time", "≤ 180 s", 49.79812, met, Applies: true), CultureInfo.InvariantCulture);

        Assert.Equal(plain, Markup.Remove(line));
        Assert.Contains(coloured, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Brackets_in_a_goal_are_text_not_markup()
    {
        var line = PipelineConsole.GoalMarkup(new GoalCheck("rmse [min]", "≤ 5.6", 5.3, Met: true, Applies: true), CultureInfo.InvariantCulture);

        Assert.Equal("goal rmse [min] ≤ 5.6: met (5.300)", Markup.Remove(line));
    }
}
