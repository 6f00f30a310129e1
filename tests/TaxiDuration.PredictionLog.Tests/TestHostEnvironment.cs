using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace TaxiDuration.PredictionLog.Tests;

/// <summary>The host environment the log reads its content root from: a test's temporary folder.</summary>
internal sealed class TestHostEnvironment(string root) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Production";

    public string ApplicationName { get; set; } = "tests";

    public string ContentRootPath { get; set; } = root;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
