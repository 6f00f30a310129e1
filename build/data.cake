// Data: make the months a run needs available and prove they are usable. TaxiDuration.DataTool resolves each
// month (TAXI_DATA_DIR, else data/; a verified download into data/; synthetic stand-ins in data/synthetic/ only
// with --allow-synthetic), validates it (reports in artifacts/data/) and exits non-zero on a failed validation.
var DataMonths = Argument("months", $"{TrainMonth},{ValidationMonth}");

// Every data-reading tool takes the same two switches; the build passes on what the person asked for, nothing more:
// a run on generated data must be a deliberate choice (--allow-synthetic), never a silent fallback.
void AppendDataArguments(ProcessArgumentBuilder arguments)
{
    if (HasArgument("allow-synthetic"))
    {
        arguments.Append("--allow-synthetic");
    }

    if (HasArgument("offline"))
    {
        arguments.Append("--offline");
    }
}

Task("Data")
    .Description("Fetches and validates the months: --months=2021-01,2021-02 [--offline] [--allow-synthetic].")
    .Does(() =>
{
    var arguments = new ProcessArgumentBuilder()
        .Append("run").Append("--project").AppendQuoted(Paths.BuildTools.Combine("TaxiDuration.DataTool").FullPath)
        .Append("--configuration").Append(Configuration)
        .Append("--")
        .Append("--months").Append(DataMonths)
        .Append("--report-dir").AppendQuoted(Paths.Artifacts.Combine("data").FullPath);
    AppendDataArguments(arguments);
    Run("dotnet", arguments);
});
