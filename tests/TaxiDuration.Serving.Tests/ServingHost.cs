using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TaxiDuration.Serving.Tests;

/// <summary>
/// The serving block's smallest host (TaxiDuration.Serving.TestHost, composed as level 1 composes it) in memory, in
/// the Production environment so tests see what ships (unless a test asks for another), with configuration overrides
/// and, when a test needs one, service replacements.
/// </summary>
internal sealed class ServingHost(
    IReadOnlyDictionary<string, string?> settings,
    Action<IServiceCollection>? replaceServices = null,
    string? contentRoot = null,
    string environment = "Production") : WebApplicationFactory<Program>
{
    public static ServingHost Serving(string modelPath, params (string Key, string? Value)[] extraSettings)
    {
        var settings = new Dictionary<string, string?> { ["Model:Path"] = modelPath };
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        return new ServingHost(settings);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        if (contentRoot is not null)
        {
            builder.UseContentRoot(contentRoot);
        }

        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        if (replaceServices is not null)
        {
            builder.ConfigureTestServices(replaceServices);
        }
    }
}
