// Services the build starts and stops (level targets and the benchmark): a child process on a free loopback
// port, its output in a log file, readiness by polling an HTTP probe, and a Dispose that always stops it.
using System.Net;
using System.Net.Http;
using System.Net.Sockets;

// A Release publish for linux-x64 into a clean folder: exactly what the Dockerfile runs, so an image or a
// deployment holds what CI tested (and only the natives of one platform). The build already wrote and checked the
// OpenAPI document (openapi.cake); a publish does not ship it, so it does not generate it again.
void PublishRelease(FilePath project, DirectoryPath output)
{
    CleanDirectory(output);
    DotNetPublish(project.FullPath, new DotNetPublishSettings
    {
        Configuration = "Release",
        Runtime = "linux-x64",
        SelfContained = false,
        OutputDirectory = output,
        MSBuildSettings = new DotNetMSBuildSettings().WithProperty("OpenApiGenerateDocuments", "false"),
    });
}

// A server started by the build: its output goes to a log file (shown when it fails), and Dispose stops it
// with its whole process tree (gunicorn's workers included).
public sealed class BackgroundServer : IDisposable
{
    private readonly System.Diagnostics.Process process;
    private readonly TextWriter log;

    private BackgroundServer(string name, System.Diagnostics.Process process, TextWriter log, FilePath logFile, Uri address)
    {
        Name = name;
        this.process = process;
        this.log = log;
        LogFile = logFile;
        Address = address;
    }

    public string Name { get; }
    public FilePath LogFile { get; }
    public Uri Address { get; }
    public int ProcessId => process.Id;
    public bool HasExited => process.HasExited;

    public static BackgroundServer Start(
        string name, string fileName, IEnumerable<string> arguments, DirectoryPath workingDirectory,
        IReadOnlyDictionary<string, string> environment, Uri address, FilePath logFile)
    {
        System.IO.Directory.CreateDirectory(logFile.GetDirectory().FullPath);
        var log = TextWriter.Synchronized(new StreamWriter(logFile.FullPath, append: false) { AutoFlush = true });
        var start = new System.Diagnostics.ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory.FullPath,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new System.Diagnostics.Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) log.WriteLine(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) log.WriteLine(line.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BackgroundServer(name, process, log, logFile, address);
    }

    public string LogTail(int lines = 30)
    {
        var all = System.IO.File.ReadAllLines(LogFile.FullPath);
        return string.Join(System.Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)));
    }

    // Stops the server as an orchestrator would: SIGTERM first, so an ASP.NET host shuts down gracefully (the
    // level-3 prediction log flushes what it holds), and a kill of the whole tree only if it has not exited in 10 s.
    public void Dispose()
    {
        try
        {
            if (!process.HasExited && OperatingSystem.IsLinux())
            {
                using var terminate = System.Diagnostics.Process.Start("kill", new[] { "-TERM", process.Id.ToString() });
                terminate.WaitForExit();
                process.WaitForExit(10_000);
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        finally
        {
            process.Dispose();
            log.Dispose();
        }
    }
}

// A port the OS just handed out on loopback; free again once the listener stops, so a server can take it.
int FreeLoopbackPort()
{
    var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    try
    {
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
    finally
    {
        listener.Stop();
    }
}

// Polls until the probe answers 2xx; fails early (with the server's log) when the process dies.
void WaitUntilReady(BackgroundServer server, Func<HttpRequestMessage> probe, TimeSpan timeout)
{
    using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(5) };
    var clock = System.Diagnostics.Stopwatch.StartNew();
    while (true)
    {
        if (server.HasExited)
        {
            throw new CakeException($"{server.Name} exited before it was ready. Last lines of {server.LogFile}:{System.Environment.NewLine}{server.LogTail()}");
        }

        try
        {
            using var response = http.Send(probe());
            if (response.IsSuccessStatusCode)
            {
                Information($"{server.Name} is ready at {server.Address} after {clock.Elapsed.TotalSeconds:0.0} s (pid {server.ProcessId}, log {server.LogFile})");
                return;
            }
        }
        catch (Exception notYet) when (notYet is HttpRequestException or TaskCanceledException)
        {
            // Not listening yet: keep polling until the timeout.
        }

        if (clock.Elapsed > timeout)
        {
            throw new CakeException($"{server.Name} was not ready within {timeout.TotalSeconds:0} s. Last lines of {server.LogFile}:{System.Environment.NewLine}{server.LogTail()}");
        }

        System.Threading.Thread.Sleep(250);
    }
}

// Starts a published ASP.NET host from its publish folder (the content root, so its appsettings.json applies, as in
// the image) on a free loopback port and returns once the probe answers; stops it if it never does.
BackgroundServer StartPublishedService(
    string name, DirectoryPath publish, string assembly, IReadOnlyDictionary<string, string> environment,
    Func<HttpRequestMessage> readyProbe, FilePath logFile)
{
    var server = LaunchPublishedService(name, publish, assembly, environment, new Uri($"http://127.0.0.1:{FreeLoopbackPort()}"), logFile);
    return WaitUntilReadyOrStop(server, readyProbe);
}

// The same, at a given address, without waiting: for a caller that waits on the service its own way.
BackgroundServer LaunchPublishedService(
    string name, DirectoryPath publish, string assembly, IReadOnlyDictionary<string, string> environment, Uri address, FilePath logFile)
{
    var variables = new Dictionary<string, string>(environment) { ["ASPNETCORE_ENVIRONMENT"] = "Production" };
    return BackgroundServer.Start(
        name, "dotnet", new[] { publish.CombineWithFilePath(assembly).FullPath, "--urls", address.ToString().TrimEnd('/') },
        publish, variables, address, logFile);
}

BackgroundServer WaitUntilReadyOrStop(BackgroundServer server, Func<HttpRequestMessage> probe)
{
    try
    {
        WaitUntilReady(server, probe, TimeSpan.FromSeconds(90));
        return server;
    }
    catch
    {
        server.Dispose();
        throw;
    }
}

HttpRequestMessage PostJson(string path, string json) =>
    new(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

// The 1/5/15-minute load average: quoted next to timings, which on a shared machine follow it.
string LoadAverage() =>
    FileExists("/proc/loadavg") ? string.Join(" ", System.IO.File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
