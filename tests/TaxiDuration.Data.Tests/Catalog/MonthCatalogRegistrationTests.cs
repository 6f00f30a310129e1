using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TaxiDuration.Data.Catalog;
using TaxiDuration.Data.Download;
using TaxiDuration.Data.Reading;
using TaxiDuration.Data.Synthetic;
using TaxiDuration.Data.Validation;
using TaxiDuration.TestSupport;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Tests.Catalog;

/// <summary>
/// <see cref="DataServiceCollectionExtensions.AddMonthCatalog"/> in a real host: each service resolves, configured
/// from the <c>Data</c> section (or <c>TAXI_DATA_DIR</c>) relative to the content root.
/// </summary>
public sealed class MonthCatalogRegistrationTests : IDisposable
{
    private static readonly TaxiMonth January = TaxiMonth.Parse("green 2021-01");
    private readonly TemporaryFolder root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public void Every_service_is_configured_from_the_data_section()
    {
        using var host = Build(new()
        {
            ["Data:DataDirectory"] = "months",
            ["Data:CacheDirectory"] = "cache",
            ["Data:Download:BaseUri"] = "http://mirror.test/tlc/",
            ["Data:Download:MaxAttempts"] = "5",
            ["Data:Validation:MinRows"] = "7",
        });
        var services = host.Services;

        var catalog = services.GetRequiredService<MonthCatalog>();
        Assert.Equal(Path.Combine(root.Path, "months", January.FileName), catalog.RealPathOf(January));
        Assert.Equal(Path.Combine(root.Path, "cache", January.FileName), catalog.CachedPathOf(January));
        Assert.Equal(5, services.GetRequiredService<TlcDownloadOptions>().MaxAttempts);
        Assert.Equal(new Uri("http://mirror.test/tlc/green_tripdata_2021-01.parquet"), services.GetRequiredService<ITlcDownloader>().SourceOf(January));
        Assert.IsType<HttpTlcDownloader>(services.GetRequiredService<ITlcDownloader>());
        var rows = services.GetRequiredService<TripDataValidator>().Validate(ReadOnlySpan<TripRecord>.Empty).Checks[0];
        Assert.Equal(("rows", "0 (minimum 7)"), (rows.Name, rows.Detail));
        Assert.IsType<TlcTripReader>(services.GetRequiredService<ITripReader>());
        Assert.NotNull(services.GetRequiredService<SyntheticMonthGenerator>());
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void TAXI_DATA_DIR_names_the_data_folder_when_the_section_does_not()
    {
        using var host = Build(new() { [MonthCatalogOptions.DataDirectoryVariable] = "shared" });

        var options = host.Services.GetRequiredService<IOptions<MonthCatalogOptions>>().Value;

        Assert.Equal(Path.Combine(root.Path, "shared"), options.DataDirectory);
        // Downloads never go into the folder a person pointed at.
        Assert.Equal(Path.Combine(root.Path, "data"), options.CacheDirectory);
    }

    [Fact]
    public void The_data_section_wins_over_TAXI_DATA_DIR()
    {
        using var host = Build(new() { ["Data:DataDirectory"] = "configured", [MonthCatalogOptions.DataDirectoryVariable] = "shared" });

        Assert.Equal(Path.Combine(root.Path, "configured"), host.Services.GetRequiredService<IOptions<MonthCatalogOptions>>().Value.DataDirectory);
    }

    [Fact]
    public void Invalid_data_options_fail_with_the_options_own_message()
    {
        using var host = Build(new() { ["Data:Synthetic:Rows"] = "0" });

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<MonthCatalogOptions>>().Value);

        Assert.Equal(nameof(MonthCatalogOptions), failure.OptionsName);
        Assert.Equal(["Rows must be between 1 and 50,000,000, got 0. (Parameter 'Rows')"], failure.Failures);
    }

    [Fact]
    public void A_second_registration_adds_nothing()
    {
        // Several building blocks call AddMonthCatalog; the host's own services are already registered.
        var builder = Builder([]);
        builder.Services.AddMonthCatalog(builder.Configuration);
        var registered = builder.Services.Count;

        builder.Services.AddMonthCatalog(builder.Configuration);

        Assert.Equal(registered, builder.Services.Count);
        Assert.Single(builder.Services, service => service.ServiceType == typeof(MonthCatalog));
    }

    private IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Builder(settings);
        builder.Services.AddMonthCatalog(builder.Configuration);
        return builder.Build();
    }

    // No default sources: the machine's TAXI_DATA_DIR or appsettings must not leak into the test.
    private HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = root.Path });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }
}
