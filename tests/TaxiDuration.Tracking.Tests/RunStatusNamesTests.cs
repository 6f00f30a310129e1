namespace TaxiDuration.Tracking.Tests;

/// <summary>Run statuses as MLflow spells them: what the stores keep and the listings print.</summary>
public sealed class RunStatusNamesTests
{
    [Theory]
    [InlineData(RunStatus.Running, "RUNNING")]
    [InlineData(RunStatus.Finished, "FINISHED")]
    [InlineData(RunStatus.Failed, "FAILED")]
    [InlineData(RunStatus.Killed, "KILLED")]
    public void Every_status_has_its_mlflow_name_and_parses_back_from_it(RunStatus status, string name)
    {
        Assert.Equal(name, status.ToMlflowName());
        Assert.Equal(status, RunStatusNames.Parse(name));
    }

    [Fact]
    public void An_undefined_status_has_no_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ((RunStatus)99).ToMlflowName());

        Assert.StartsWith("Unknown run status.", error.Message, StringComparison.Ordinal);
        Assert.Equal("status", error.ParamName);
    }

    [Theory]
    [InlineData("DONE")]
    [InlineData("killed")]
    public void An_unknown_name_fails_listing_the_known_ones(string name)
    {
        var error = Assert.Throws<FormatException>(() => RunStatusNames.Parse(name));

        Assert.Equal($"Run status '{name}' is not one of RUNNING, FINISHED, FAILED, KILLED.", error.Message);
    }
}
