using System.Text.Json;
using System.Text.Json.Serialization;
using TaxiDuration.Features;
using TaxiDuration.Monitoring.Drift;

namespace TaxiDuration.Monitoring.Profiles;

/// <summary>
/// What "normal" looked like for one registered version: a seeded sample of its validation month's features,
/// predictions and actual durations, and its quality there. Saved beside the model at registration, it is the
/// reference every later window is compared with (data drift, prediction drift, performance).
/// </summary>
public sealed record ReferenceProfile
{
    /// <summary>The artifact name of a version's profile, beside <c>model/model.zip</c>.</summary>
    public const string FileName = "reference-profile.json";

    /// <summary>Rows kept by default: enough for stable distribution estimates, small enough to load instantly.</summary>
    public const int DefaultSampleRows = 10_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The month the profile describes (the version's validation month), e.g. "green 2021-02".</summary>
    public required string Month { get; init; }

    /// <summary>Rows of that month the metrics were computed on (the sample may be smaller).</summary>
    public required int Rows { get; init; }

    /// <summary>Uniform sample of the month's rows, columns of equal length.</summary>
    public required ReferenceSample Sample { get; init; }

    /// <summary>Quality on the whole month: RMSE, MAE, R², and the spread of the target (see <see cref="ProfileMetrics"/>).</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>Profiles <paramref name="examples"/> scored as <paramref name="predicted"/>.</summary>
    /// <param name="seed">Fixes which rows are sampled, so the same month and model give the same profile.</param>
    public static ReferenceProfile Create(string month, IReadOnlyList<TripExample> examples, IReadOnlyList<float> predicted, int sampleRows = DefaultSampleRows, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRows);
        if (examples.Count == 0 || examples.Count != predicted.Count)
        {
            throw new ArgumentException($"A profile needs one prediction per example and at least one example; got {examples.Count} examples and {predicted.Count} predictions.", nameof(predicted));
        }

        var rows = SampleIndexes(examples.Count, sampleRows, seed);
        var sample = WindowSample.From([.. rows.Select(i => examples[i])], [.. rows.Select(i => predicted[i])]);
        return new ReferenceProfile
        {
            Month = month,
            Rows = examples.Count,
            Sample = sample,
            Metrics = ProfileMetrics.Compute(examples.Select(example => example.Duration).ToArray(), predicted),
        };
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
    }

    /// <exception cref="InvalidDataException">The file is not a reference profile.</exception>
    public static ReferenceProfile Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ReferenceProfile>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"Reference profile '{path}' is empty.");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"Reference profile '{path}' is not valid: {error.Message}", error);
        }
    }

    // A partial Fisher–Yates shuffle: the first k of a seeded permutation, then back in month order.
    private static int[] SampleIndexes(int count, int sampleRows, int seed)
    {
        var indexes = Enumerable.Range(0, count).ToArray();
        var take = Math.Min(count, sampleRows);
        var random = new Random(seed);
        for (var i = 0; i < take; i++)
        {
            var j = random.Next(i, count);
            (indexes[i], indexes[j]) = (indexes[j], indexes[i]);
        }

        var chosen = indexes[..take];
        Array.Sort(chosen);
        return chosen;
    }
}

/// <summary>Column-wise sample rows of a reference month (features, prediction, actual duration), equal lengths.</summary>
public sealed record ReferenceSample(
    float[] TripDistance,
    float[] PickupHour,
    float[] PickupDayOfWeek,
    int[] PickupZone,
    int[] DropoffZone,
    float[] Predicted,
    float[] Actual)
{
    public int Count => TripDistance.Length;
}
