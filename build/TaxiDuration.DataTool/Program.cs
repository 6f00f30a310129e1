using Microsoft.Extensions.Logging;
using TaxiDuration.Data.Catalog;
using TaxiDuration.Data.Reading;
using TaxiDuration.Data.Validation;
using TaxiDuration.DataTool;

// Exit codes: 0 every month available and valid, 1 a validation failed, 2 bad arguments, 3 a month not available.
DataToolOptions options;
try
{
    options = DataToolOptions.Parse(args);
}
catch (ArgumentException invalid)
{
    Console.Error.WriteLine(invalid.Message);
    return 2;
}

// The data folder is TAXI_DATA_DIR, else data/ under the directory the build runs in (the repository root).
var catalogOptions = MonthCatalogOptions.FromEnvironment();
catalogOptions.AllowDownload = options.AllowDownload;
catalogOptions.AllowSynthetic = options.AllowSynthetic;

// Download progress and retries are logged (Information and up) so a long fetch is visibly moving.
using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Information));
using var http = new HttpClient();
var catalog = MonthCatalogFactory.Create(catalogOptions, http, loggers);
var preparation = new DataPreparation(catalog, new TlcTripReader(), new TripDataValidator(), Console.Out);
try
{
    var passed = await preparation.RunAsync(options, CancellationToken.None);
    Console.WriteLine(passed ? "Data: every month passed validation." : "Data: validation FAILED; see the reports above.");
    return passed ? 0 : 1;
}
catch (MonthNotAvailableException missing)
{
    Console.Error.WriteLine(missing.Message);
    return 3;
}
