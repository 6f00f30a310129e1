using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace TaxiDuration.ServiceDefaults.Tests;

/// <summary>
/// A service that is nothing but the defaults (as the level-4 monitor is), on a real Kestrel listener on a free
/// loopback port, in the Production environment.
/// </summary>
internal sealed class DefaultsApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private DefaultsApp(WebApplication app)
    {
        this.app = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(10) };
    }

    public HttpClient Client { get; }

    public Uri Address => Client.BaseAddress!;

    public IServiceProvider Services => app.Services;

    /// <summary>Every address the server listens on (ports resolved).</summary>
    public IReadOnlyList<string> Urls => [.. app.Urls];

    public static async Task<DefaultsApp> StartAsync(Action<WebApplicationBuilder>? configure = null, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        configure?.Invoke(builder);
        builder.AddServiceDefaults();
        var app = builder.Build();
        app.MapServiceDefaults();
        map?.Invoke(app);
        await app.StartAsync();
        return new DefaultsApp(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
