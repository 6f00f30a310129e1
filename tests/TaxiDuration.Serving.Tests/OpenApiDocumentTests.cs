using System.Net;
using System.Text.Json.Nodes;
using TaxiDuration.Trips;

namespace TaxiDuration.Serving.Tests;

/// <summary>
/// The OpenAPI document says what the service does: JSON numbers only, the validator's ranges, every error the
/// endpoints answer; and the copy committed in docs/openapi/ is the one a running service serves. The build writes the
/// document too, from a host started without a model (levels/Directory.Build.props), and the Cake build's CheckOpenApi
/// holds the committed copy to that one; this test shows the two are the same document a deployed service serves.
/// </summary>
[Collection(TrainedModelCollection.Name)]
public sealed class OpenApiDocumentTests(TrainedModelFixture model)
{
    private const string UpdateCommand = "./build.sh --target=UpdateOpenApi rewrites it from the build (or copy levels/level1/Api/obj/openapi/Api.json over it)";

    [Fact]
    public async Task The_committed_document_is_the_one_the_service_serves()
    {
        var served = await ServedDocumentAsync();
        var path = Path.Combine(RepositoryRoot(), "docs", "openapi", "prediction-api.v1.json");

        Assert.True(File.Exists(path), $"{path} is missing: {UpdateCommand}");
        Assert.True(
            JsonNode.DeepEquals(served, JsonNode.Parse(await File.ReadAllTextAsync(path))),
            $"{path} differs from the document the service serves: {UpdateCommand}, then commit it.\nServed:\n{served}");
    }

    [Fact]
    public async Task Numbers_are_documented_as_json_numbers_within_the_validators_ranges()
    {
        var ride = (await ServedDocumentAsync())["components"]!["schemas"]!["RideRequest"]!["properties"]!;

        foreach (var zone in new[] { RideRequest.PickupZoneField, RideRequest.DropoffZoneField })
        {
            Assert.Equal("integer", ride[zone]!["type"]!.GetValue<string>());
            Assert.Equal(TaxiZones.MinId, ride[zone]!["minimum"]!.GetValue<int>());
            Assert.Equal(TaxiZones.MaxId, ride[zone]!["maximum"]!.GetValue<int>());
        }

        Assert.Equal("number", ride[RideRequest.DistanceField]!["type"]!.GetValue<string>());
        Assert.Equal(TripLimits.MaxDistanceMiles, ride[RideRequest.DistanceField]!["maximum"]!.GetValue<double>());
        Assert.Contains("miles", ride[RideRequest.DistanceField]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("pattern", ride.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/predict")]
    [InlineData("/predict/batch")]
    public async Task Every_status_the_endpoint_answers_is_documented_with_its_problem_type(string path)
    {
        var responses = (await ServedDocumentAsync())["paths"]![path]!["post"]!["responses"]!.AsObject();

        Assert.Equal(["200", "400", "413", "415", "503"], responses.Select(response => response.Key).Order(StringComparer.Ordinal));
        Assert.All(responses.Where(response => response.Key != "200"), response =>
            Assert.NotNull(response.Value!["content"]!["application/problem+json"]));
    }

    [Fact]
    public async Task The_batch_limit_in_the_document_is_the_configured_one()
    {
        using var host = ServingHost.Serving(model.ModelPath, ("Serving:MaxBatchSize", "7"));
        using var client = host.CreateClient();

        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;

        Assert.Equal(7, document["components"]!["schemas"]!["BatchRequest"]!["properties"]!["rides"]!["maxItems"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("Development", HttpStatusCode.OK)]
    [InlineData("Production", HttpStatusCode.NotFound)]
    public async Task The_document_can_be_browsed_in_development_only(string environment, HttpStatusCode expected)
    {
        using var host = new ServingHost(new Dictionary<string, string?> { ["Model:Path"] = model.ModelPath }, environment: environment);
        using var client = host.CreateClient();

        using var page = await client.GetAsync("/scalar/v1");

        Assert.Equal(expected, page.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        }
    }

    private async Task<JsonNode> ServedDocumentAsync()
    {
        using var host = ServingHost.Serving(model.ModelPath);
        using var client = host.CreateClient();
        return JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Template.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Template.sln above {AppContext.BaseDirectory}");
    }
}
