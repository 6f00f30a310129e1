using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Serving.Tests;

/// <summary>
/// Level 2's source in process: the service serves the registry's champion, and refuses to start on a champion whose
/// file no longer hashes to what was registered. (The exit code and one-line message of the real process are tested
/// in TaxiDuration.Levels.Tests; the registry's own check in TaxiDuration.Tracking.Tests.)
/// </summary>
[Collection(TrainedModelCollection.Name)]
public sealed class RegistrySourceTests(TrainedModelFixture model) : IDisposable
{
    private readonly TemporaryFolder tracking = new();

    [Fact]
    public async Task The_service_answers_with_the_champion_version_of_the_registry()
    {
        RegistryServingHost.RegisterChampion(tracking.Path, model.ModelPath);
        await using var app = RegistryServingHost.Build(tracking.Path);
        await app.StartAsync();
        using var client = app.GetTestClient();

        using var response = await client.PostAsJsonAsync(new Uri("/predict", UriKind.Relative), new { PULocationID = 43, DOLocationID = 151, trip_distance = 1.01 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal($"{RegistryServingHost.Model}/1", body.RootElement.GetProperty("model_version").GetString());
    }

    [Fact]
    public async Task A_champion_file_tampered_with_after_registration_stops_the_start_naming_the_file()
    {
        var champion = RegistryServingHost.RegisterChampion(tracking.Path, model.ModelPath);
        // Still a loadable model, only longer: without the hash check it would be served.
        await File.AppendAllTextAsync(champion.FilePath, "tampered after registration");
        await using var app = RegistryServingHost.Build(tracking.Path);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("Cannot start the prediction service", refused.Message, StringComparison.Ordinal);
        Assert.Contains(champion.FilePath, refused.Message, StringComparison.Ordinal);
        Assert.Contains("fails its integrity check", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose() => tracking.Dispose();
}
