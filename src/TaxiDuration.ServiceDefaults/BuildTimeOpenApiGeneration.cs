using System.Reflection;

namespace TaxiDuration.ServiceDefaults;

/// <summary>
/// Tells whether this process is the build-time OpenAPI generator (Microsoft.Extensions.ApiDescription.Server). It
/// runs a host's entry point inside its own <c>GetDocument.Insider</c> program and starts the host without a server
/// to read the document; the entry assembly's name is the documented way to recognise it (there is no API for it).
/// Composition leaves out, there, the start-up work that needs what only a deployment has: a model, a tracking store.
/// </summary>
public static class BuildTimeOpenApiGeneration
{
    /// <summary>The generator's entry assembly, as Microsoft.Extensions.ApiDescription.Server names it.</summary>
    public const string GeneratorAssemblyName = "GetDocument.Insider";

    /// <summary>True inside the build-time generator.</summary>
    public static bool IsRunning { get; } =
        string.Equals(Assembly.GetEntryAssembly()?.GetName().Name, GeneratorAssemblyName, StringComparison.Ordinal);
}
