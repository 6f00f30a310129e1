using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TaxiDuration.Levels.Tests;

/// <summary>A level's web service started as a real process on a free loopback port; disposing stops it.</summary>
internal sealed class RunningService : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder errors = new();

    private RunningService(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) =>
        {
            Append(line.Data);
            if (line.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(line.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public bool HasExited => process.HasExited;

    /// <summary>What the service printed so far (for assertion messages and start-up failures).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>What the service printed on standard error so far (where start-up failures go; logs go to standard output).</summary>
    public string Errors
    {
        get
        {
            lock (errors)
            {
                return errors.ToString();
            }
        }
    }

    /// <summary>Starts the host from its own folder (its content root) and returns once it is running, ready or not.</summary>
    public static RunningService Start(string hostDll, IReadOnlyDictionary<string, string?> environment, Uri? address = null)
    {
        address ??= FreeAddress();
        var process = ScriptRun.Start(Path.GetDirectoryName(hostDll)!, environment, [hostDll, "--urls", address.ToString()]);
        return new RunningService(process, address);
    }

    /// <summary>Waits for /health/ready; false when the process exited first (a start-up failure).</summary>
    public async Task<bool> WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                return false;
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"the service at {Address} was not ready within {StartTimeout}:\n{Output}");
    }

    /// <summary>Waits for the process to exit on its own (a start-up failure) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    /// <summary>A loopback address on a port the OS just handed out (free again once the probe listener stops).</summary>
    public static Uri FreeAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
