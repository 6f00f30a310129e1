using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaxiDuration.Reporting.Results;

/// <summary>
/// What a level's host did, as data: the <c>result.json</c> every level host writes and the Cake build and the
/// ladder report read (schema: docs/result-json.md). Human output stays on the console; nothing parses it.
/// </summary>
public sealed record RunResult
{
    /// <summary>The conventional file name.</summary>
    public const string FileName = "result.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Readable for people who open the file ("+", "≤", quotes unescaped); never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The maturity level, 0–4.</summary>
    public required int Level { get; init; }

    /// <summary>What ran, e.g. <c>levels/level1/Training</c>.</summary>
    public required string Host { get; init; }

    /// <summary>One line a reader of the ladder understands, e.g. "linear on Course features, fit 0.42 s".</summary>
    public required string Summary { get; init; }

    /// <summary>Every month the run read: role, month, where it came from, rows.</summary>
    public IReadOnlyList<DataUse> Data { get; init; } = [];

    /// <summary>Figures by key (<see cref="ResultKeys"/>), e.g. <c>validation_rmse</c>, <c>fit_seconds</c>.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Things the run produced by key (<see cref="ResultKeys"/>), e.g. <c>model_file</c>, <c>run_id</c>.</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();

    /// <summary>The level's goals and whether this run met them (a goal may not apply to the data used).</summary>
    public IReadOnlyList<GoalCheck> Goals { get; init; } = [];

    /// <summary>Writes the result as indented JSON, creating the folder.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
    }

    /// <exception cref="InvalidDataException">The file is not a run result.</exception>
    public static RunResult Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<RunResult>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"'{path}' is empty.");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"'{path}' is not a run result: {error.Message}", error);
        }
    }
}

/// <summary>One month a run read.</summary>
/// <param name="Origin">Real, Downloaded or Synthetic: a synthetic month's results say nothing about real trips.</param>
public sealed record DataUse(string Role, string Month, string Origin, string Path, int RawRows, int KeptRows);

/// <summary>A goal of the level and this run's figure against it.</summary>
/// <param name="Applies">False when the goal is defined for other data (e.g. real 2021-01 → 2021-02) than the run used.</param>
public sealed record GoalCheck(string Name, string Target, double Measured, bool Met, bool Applies);
