// Data: make the months a run needs available and prove they are usable. TaxiDuration.DataTool resolves
// each month (TAXI_DATA_DIR, else data/ with a verified download, else synthetic in data/synthetic/),
// validates it (reports in artifacts/data/) and exits non-zero on a failed validation.
var DataMonths = Argument("months", $"{TrainMonth},{ValidationMonth}");

Task("Data")
    .Description("Fetches (or, offline, generates) and validates the months: --months=2021-01,2021-02 [--offline].")
    .Does(() =>
{
    var arguments = new ProcessArgumentBuilder()
        .Append("run").Append("--project").AppendQuoted(Paths.BuildTools.Combine("TaxiDuration.DataTool").FullPath)
        .Append("--configuration").Append(Configuration)
        .Append("--")
        .Append("--months").Append(DataMonths)
        .Append("--report-dir").AppendQuoted(Paths.Artifacts.Combine("data").FullPath);
    if (HasArgument("offline"))
    {
        arguments.Append("--offline");
    }

    Run("dotnet", arguments);
});
