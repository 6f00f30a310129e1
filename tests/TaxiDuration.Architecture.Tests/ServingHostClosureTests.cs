using System.Text.Json;

namespace TaxiDuration.Architecture.Tests;

/// <summary>
/// What a serving image carries is decided here (docs/decisions/0005-lean-serving-hosts.md), from the package graph
/// NuGet resolved for each level's Api host (its obj/project.assets.json): a level-1 service needs ML.NET's managed
/// scoring code and the web stack; a registry (SQLite) from level 2; the prediction log (Parquet) from level 3.
/// No service ever carries plotting (ScottPlot, SkiaSharp, HarfBuzz) or the native libraries trainers use.
/// </summary>
public sealed class ServingHostClosureTests
{
    private static readonly string[] NeverInAService = ["ScottPlot", "SkiaSharp", "HarfBuzzSharp"];

    public static TheoryData<string> ServingHosts() => [.. HostNames()];

    // Levels 1 to 3 each bring a service (level 4 serves through level 3's); a fork of one level has only its own.
    [ServingHostFact]
    public void Every_level_with_a_service_has_its_host_checked()
    {
        var levels = Enumerable.Range(1, 3).Where(level => Directory.Exists(Path.Combine(Repository.Root, "levels", $"level{level}"))).ToArray();

        Assert.All(levels, level => Assert.Contains($"TaxiDuration.Level{level}.Api", HostNames()));
    }

    internal static IEnumerable<string> HostNames() =>
        Repository.Projects.Values.Where(project => project.TopFolder == "levels" && project.FileName == "Api").Select(project => project.Name);

    [ServingHostTheory]
    [MemberData(nameof(ServingHosts))]
    public void A_serving_host_carries_no_plotting(string host)
    {
        var packages = ResolvedPackages(host);

        var plotting = packages.Keys.Where(package => NeverInAService.Any(prefix => package.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))).ToArray();
        Assert.True(plotting.Length == 0, $"{host} reaches {string.Join(", ", plotting)}: charts belong to reports, not to a service");
    }

    [ServingHostTheory]
    [MemberData(nameof(ServingHosts))]
    public void A_serving_host_carries_a_database_only_from_level_2_and_parquet_only_from_level_3(string host)
    {
        var level = Repository.Projects[host].Level!.Value;
        var packages = ResolvedPackages(host);

        Assert.True(level >= 2 || !packages.ContainsKey("Microsoft.Data.Sqlite"), $"{host} reaches SQLite, but level {level} serves a file, not a registry");
        Assert.True(level >= 3 || !packages.ContainsKey("Parquet.Net"), $"{host} reaches Parquet.Net, but level {level} writes no prediction log");
    }

    [ServingHostTheory]
    [MemberData(nameof(ServingHosts))]
    public void A_serving_host_carries_no_native_library_but_its_database_engine(string host)
    {
        var natives = ResolvedPackages(host)
            .SelectMany(package => package.Value.Natives.Select(file => $"{package.Key}: {file}"))
            .Where(native => !native.StartsWith("SQLitePCLRaw.lib.e_sqlite3:", StringComparison.Ordinal))
            .ToArray();

        // ML.NET scores linear and tree models (LightGBM's included) in managed code: lib_lightgbm, FastTree's and
        // LDA's natives are for training only (TaxiDuration.Model excludes them).
        Assert.True(natives.Length == 0, $"{host} carries native libraries it does not use: {string.Join(", ", natives)}");
    }

    /// <summary>Package id → its native files, from the host's restored graph.</summary>
    private static Dictionary<string, (string Version, string[] Natives)> ResolvedPackages(string host)
    {
        var assets = Path.Combine(Repository.Projects[host].FullFolder, "obj", "project.assets.json");
        Assert.True(File.Exists(assets), $"{assets} is missing: restore Template.sln first");
        using var document = JsonDocument.Parse(File.ReadAllText(assets));
        var packages = new Dictionary<string, (string, string[])>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in document.RootElement.GetProperty("targets").EnumerateObject())
        {
            foreach (var library in target.Value.EnumerateObject().Where(library => library.Value.GetProperty("type").GetString() == "package"))
            {
                var natives = library.Value.TryGetProperty("runtimeTargets", out var runtime)
                    ? runtime.EnumerateObject()
                        .Where(file => file.Value.GetProperty("assetType").GetString() == "native" && !file.Name.EndsWith("/_._", StringComparison.Ordinal))
                        .Select(file => file.Name)
                        .ToArray()
                    : [];
                var parts = library.Name.Split('/');
                packages[parts[0]] = (parts[1], natives);
            }
        }

        return packages;
    }
}
