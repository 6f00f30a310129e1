using TaxiDuration.Data.Catalog;
using TaxiDuration.Data.Download;
using TaxiDuration.Data.Reading;
using TaxiDuration.Data.Synthetic;
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

using var http = new HttpClient();
var catalog = new MonthCatalog(catalogOptions, new HttpTlcDownloader(http, new TlcDownloadOptions()), new SyntheticMonthGenerator());
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
