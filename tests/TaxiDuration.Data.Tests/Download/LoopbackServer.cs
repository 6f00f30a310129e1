using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TaxiDuration.Data.Tests.Download;

/// <summary>
/// A real HTTP server (Kestrel) on 127.0.0.1 with an ephemeral port, one per test, answering every request with
/// the test's handler. The downloader meets real sockets, headers and aborted connections — never the internet.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int requests;

    private LoopbackServer(WebApplication app) => this.app = app;

    /// <summary>The folder URL to use as the downloader's base address.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Requests received so far (retries included).</summary>
    public int Requests => Volatile.Read(ref requests);

    /// <param name="handler">Answers request number n (1-based) for its path.</param>
    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, int, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = new LoopbackServer(builder.Build());
        server.app.Run(context => handler(context, Interlocked.Increment(ref server.requests)));
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUri = new Uri($"{address}/trip-data/");
        return server;
    }

    /// <summary>A server that answers every request with the same bytes.</summary>
    public static Task<LoopbackServer> ServingAsync(byte[] body, string contentType = "application/octet-stream") =>
        StartAsync((context, _) => Respond(context, body, contentType));

    public static async Task Respond(HttpContext context, byte[] body, string contentType = "application/octet-stream")
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
