using System.Net;
using System.Text;

namespace TaxiDuration.Serving.Tests;

/// <summary>Every client mistake is a 4xx ProblemDetails naming what is wrong, never a 500.</summary>
[Collection(TrainedModelCollection.Name)]
public sealed class ValidationTests(TrainedModelFixture model) : IDisposable
{
    private const int MaxBatchSize = 3;
    private const int MaxBodyBytes = 2_048;

    private readonly ServingHost host = ServingHost.Serving(
        model.ModelPath,
        ("Serving:MaxBatchSize", $"{MaxBatchSize}"),
        ("Serving:MaxRequestBodyBytes", $"{MaxBodyBytes}"));

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("""{"DOLocationID": 151, "trip_distance": 1.0}""", "PULocationID")]
    [InlineData("""{"PULocationID": 0, "DOLocationID": 151, "trip_distance": 1.0}""", "PULocationID")]
    [InlineData("""{"PULocationID": 266, "DOLocationID": 151, "trip_distance": 1.0}""", "PULocationID")]
    [InlineData("""{"PULocationID": "43", "DOLocationID": 151, "trip_distance": 1.0}""", "PULocationID")]
    [InlineData("""{"PULocationID": 43.5, "DOLocationID": 151, "trip_distance": 1.0}""", "PULocationID")]
    [InlineData("""{"PULocationID": 43, "trip_distance": 1.0}""", "DOLocationID")]
    [InlineData("""{"PULocationID": 43, "DOLocationID": -1, "trip_distance": 1.0}""", "DOLocationID")]
    [InlineData("""{"PULocationID": 43, "DOLocationID": 151}""", "trip_distance")]
    [InlineData("""{"PULocationID": 43, "DOLocationID": 151, "trip_distance": -0.5}""", "trip_distance")]
    [InlineData("""{"PULocationID": 43, "DOLocationID": 151, "trip_distance": 500.1}""", "trip_distance")]
    [InlineData("""{"PULocationID": 43, "DOLocationID": 151, "trip_distance": "NaN"}""", "trip_distance")]
    [InlineData("""{"PULocationID": 43, "DOLocationID": 151, "trip_distance": true}""", "trip_distance")]
    [InlineData("""{"PULocationID": 43, "DOLocationID": 151, "trip_distance": 1, "pickup_datetime": "yesterday"}""", "pickup_datetime")]
    public async Task Invalid_ride_is_a_400_naming_the_field(string body, string field)
    {
        using var client = host.CreateClient();

        using var response = await client.PostAsync("/predict", Json(body));

        await ProblemAssert.NamesFieldAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("""{"PULocationID": 43, "DOLocationID": 151, "trip_distance": 1.0""")]
    [InlineData("""not json at all""")]
    [InlineData("""[1, 2, 3]""")]
    [InlineData("")]
    public async Task Malformed_or_missing_body_is_a_400_problem(string body)
    {
        using var client = host.CreateClient();

        using var response = await client.PostAsync("/predict", Json(body));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{}""", "rides")]
    [InlineData("""{"rides": []}""", "rides")]
    [InlineData("""{"rides": [{"PULocationID": 1, "DOLocationID": 2, "trip_distance": 1}, {"PULocationID": 1, "DOLocationID": 2, "trip_distance": 1}, {"PULocationID": 1, "DOLocationID": 2, "trip_distance": 1}, {"PULocationID": 1, "DOLocationID": 2, "trip_distance": 1}]}""", "rides")]
    [InlineData("""{"rides": [{"PULocationID": 1, "DOLocationID": 2, "trip_distance": 1}, {"PULocationID": 1, "DOLocationID": 2, "trip_distance": 900}]}""", "rides[1].trip_distance")]
    [InlineData("""{"rides": [null]}""", "rides[0]")]
    [InlineData("""{"rides": [{"PULocationID": 1, "DOLocationID": "x", "trip_distance": 1}]}""", "rides[0].DOLocationID")]
    public async Task Invalid_batch_is_a_400_naming_the_field(string body, string field)
    {
        using var client = host.CreateClient();

        using var response = await client.PostAsync("/predict/batch", Json(body));

        await ProblemAssert.NamesFieldAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Body_over_the_limit_is_a_413_problem()
    {
        using var client = host.CreateClient();
        var padding = new string(' ', MaxBodyBytes);

        using var response = await client.PostAsync(
            "/predict", Json($$"""{"PULocationID": 43, "DOLocationID": 151, "trip_distance": 1.0 {{padding}}}"""));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Wrong_content_type_is_a_415_problem()
    {
        using var client = host.CreateClient();

        using var response = await client.PostAsync(
            "/predict", new StringContent("""{"PULocationID": 43}""", Encoding.UTF8, "text/plain"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("""{"PULocationID": 1, "DOLocationID": 265, "trip_distance": 500.0}""")]
    [InlineData("""{"PULocationID": 43, "DOLocationID": 151, "trip_distance": 0}""")]
    [InlineData("""{"PULocationID": 43, "DOLocationID": 151, "trip_distance": 0.0, "trip_key": "k"}""")]
    public async Task A_ride_on_a_limit_is_answered(string body)
    {
        using var client = host.CreateClient();

        using var response = await client.PostAsync("/predict", Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_batch_of_exactly_the_maximum_size_is_answered_in_order()
    {
        using var client = host.CreateClient();
        var rides = string.Join(", ", Enumerable.Range(1, MaxBatchSize).Select(i => $$"""{"PULocationID": {{i}}, "DOLocationID": 2, "trip_distance": {{i * 3}}}"""));

        using var response = await client.PostAsync("/predict/batch", Json($$"""{"rides": [{{rides}}]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(MaxBatchSize, answer.RootElement.GetProperty("predictions").GetArrayLength());
    }

    [Fact]
    public async Task Wrong_method_is_a_405_problem()
    {
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/predict");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
