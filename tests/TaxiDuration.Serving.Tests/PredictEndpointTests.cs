using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TaxiDuration.Features;

namespace TaxiDuration.Serving.Tests;

[Collection(TrainedModelCollection.Name)]
public sealed class PredictEndpointTests(TrainedModelFixture model) : IDisposable
{
    private readonly ServingHost host = ServingHost.Serving(model.ModelPath);

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Predict_returns_the_models_own_prediction_and_version()
    {
        using var client = host.CreateClient();

        using var response = await client.PostAsJsonAsync("/predict", new
        {
            PULocationID = 13,
            DOLocationID = 7,
            trip_distance = 3.4,
            pickup_datetime = "2021-01-01T08:15:00",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var expected = TestModel.PredictDirectly(model.ModelPath, new TripExample
        {
            PickupLocation = "13",
            DropoffLocation = "7",
            PickupDropoff = "13_7",
            TripDistance = 3.4f,
            PickupHour = 8,
            PickupDayOfWeek = (float)DayOfWeek.Friday,
        });
        Assert.Equal(expected, body.GetProperty("duration").GetSingle());
        Assert.Equal(TestModel.Version, body.GetProperty("model_version").GetString());
    }

    [Fact]
    public async Task Predict_uses_the_pickup_time_so_a_later_hour_changes_the_answer()
    {
        using var client = host.CreateClient();

        var early = await PredictAsync(client, "2021-01-05T03:00:00");
        var late = await PredictAsync(client, "2021-01-05T20:00:00");

        // The synthetic rides take half a minute longer per pickup hour; ignoring the time would make these equal.
        Assert.True(late > early + 2, $"20:00 predicted {late}, 03:00 predicted {early}");
    }

    [Fact]
    public async Task Batch_returns_one_prediction_per_ride_in_request_order()
    {
        using var client = host.CreateClient();
        var rides = new[] { (Pu: 1, Do: 2, Miles: 0.5), (Pu: 20, Do: 5, Miles: 9.0), (Pu: 3, Do: 3, Miles: 2.25) };

        using var response = await client.PostAsJsonAsync("/predict/batch", new
        {
            rides = rides.Select(ride => new
            {
                PULocationID = ride.Pu,
                DOLocationID = ride.Do,
                trip_distance = ride.Miles,
                pickup_datetime = "2021-02-03T12:00:00",
            }),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(TestModel.Version, body.GetProperty("model_version").GetString());
        var predictions = body.GetProperty("predictions").EnumerateArray().Select(value => value.GetSingle()).ToList();
        var expected = rides.Select(ride => TestModel.PredictDirectly(model.ModelPath, new TripExample
        {
            PickupLocation = $"{ride.Pu}",
            DropoffLocation = $"{ride.Do}",
            PickupDropoff = $"{ride.Pu}_{ride.Do}",
            TripDistance = (float)ride.Miles,
            PickupHour = 12,
            PickupDayOfWeek = (float)DayOfWeek.Wednesday,
        })).ToList();
        Assert.Equal(expected, predictions);
    }

    [Fact]
    public async Task Parallel_requests_get_the_same_answers_as_sequential_ones()
    {
        using var client = host.CreateClient();
        var rides = Enumerable.Range(0, 120)
            .Select(i => (Pu: 1 + (i % 29), Do: 1 + (i * 7 % 29), Miles: 0.3 + (i % 11)))
            .ToList();
        var sequential = new List<float>();
        foreach (var ride in rides)
        {
            sequential.Add(await PredictAsync(client, "2021-01-05T10:00:00", ride.Pu, ride.Do, ride.Miles));
        }

        var parallel = await Task.WhenAll(rides.Select(ride =>
            Task.Run(() => PredictAsync(client, "2021-01-05T10:00:00", ride.Pu, ride.Do, ride.Miles))));

        Assert.Equal(sequential, parallel);
        Assert.True(sequential.Distinct().Count() > 10, "The rides should not all predict the same value.");
    }

    private static async Task<float> PredictAsync(HttpClient client, string pickup, int pu = 13, int dropoff = 7, double miles = 3.4)
    {
        using var response = await client.PostAsJsonAsync("/predict", new
        {
            PULocationID = pu,
            DOLocationID = dropoff,
            trip_distance = miles,
            pickup_datetime = pickup,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duration").GetSingle();
    }
}
