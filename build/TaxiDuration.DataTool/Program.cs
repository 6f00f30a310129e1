using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TaxiDuration.CommandLine;
using TaxiDuration.Data;
using TaxiDuration.Data.Catalog;
using TaxiDuration.DataTool;
using TaxiDuration.Trips;

// The Data target's tool: make the months a run needs available (the data folder, else a verified download, else —
// only with --allow-synthetic — generated stand-ins) and validate them. Exit codes: 0 every month available and
// valid, 1 a validation failed, 2 bad arguments, 3 a month not available.
var months = new Option<TaxiMonth[]>("--months")
{
    Description = "comma-separated months, e.g. 2021-01,2021-02 or 'green 2021-01'",
    Required = true,
    CustomParser = MonthList.Parse,
};
var reportDirectory = new Option<string>("--report-dir")
{
    Description = "folder for the Markdown validation reports (default artifacts/data)",
    DefaultValueFactory = _ => Path.Combine("artifacts", "data"),
};
var allowSynthetic = CommonOptions.AllowSynthetic();
var offline = CommonOptions.Offline();
var root = new RootCommand("Fetch (or, when allowed, generate) and validate TLC months.") { months, reportDirectory, allowSynthetic, offline };
root.SetAction(async (parsed, cancellationToken) =>
{
    var builder = CommandLineHost.CreateBuilder(CommonOptions.DataSettings(parsed, allowSynthetic, offline));
    builder.Services.AddMonthCatalog(builder.Configuration);
    builder.Services.AddSingleton(Console.Out);
    builder.Services.AddSingleton<DataPreparation>();
    using var host = builder.Build();
    try
    {
        var preparation = host.Services.GetRequiredService<DataPreparation>();
        var passed = await preparation.RunAsync(parsed.GetValue(months)!, parsed.GetValue(reportDirectory)!, cancellationToken);
        Console.WriteLine(passed ? "Data: every month passed validation." : "Data: validation FAILED; see the reports above.");
        return passed ? ExitCodes.Success : ExitCodes.Failed;
    }
    catch (MonthNotAvailableException missing)
    {
        throw new CommandFailedException(ExitCodes.DataUnavailable, missing.Message, missing);
    }
});
return await CommandLineApp.RunAsync(root, args);
