// The result.json every level host writes (schema: docs/result-json.md), read back by the level targets, the goals
// and the ladder. Nothing here parses console output.
using System.Text.Json;
using System.Text.Json.Nodes;

public sealed record DataUse(string Role, string Month, string Origin, string Path, long RawRows, long KeptRows);

public sealed record GoalCheck(string Name, string Target, double Measured, bool Met, bool Applies);

public sealed record LevelRun(
    int Level, string Host, string Summary, IReadOnlyList<DataUse> Data,
    IReadOnlyDictionary<string, double> Metrics, IReadOnlyDictionary<string, string> Outputs, IReadOnlyList<GoalCheck> Goals)
{
    public bool AnySynthetic => Data.Any(month => month.Origin == "Synthetic");

    /// <summary>"real (/data)", "real, downloaded (…)" or "SYNTHETIC (…)": what a reader of the ladder must know first.</summary>
    public string DataDescription
    {
        get
        {
            var folder = Data.Count == 0 ? "" : System.IO.Path.GetDirectoryName(Data[0].Path);
            var where = string.IsNullOrEmpty(folder) ? "" : $" ({folder})"; // level 4's served months name no file
            return AnySynthetic ? $"SYNTHETIC{where}"
                : Data.Any(month => month.Origin == "Downloaded") ? $"real, downloaded{where}" : $"real{where}";
        }
    }

    public DataUse Month(string role) => Data.FirstOrDefault(month => month.Role == role)
        ?? throw new CakeException($"The level-{Level} result has no {role} month.");

    public double Metric(string key) => Metrics.TryGetValue(key, out var value) ? value : double.NaN;

    public string Output(string key) => Outputs.TryGetValue(key, out var value)
        ? value
        : throw new CakeException($"The level-{Level} result has no output '{key}'.");
}

static readonly JsonSerializerOptions ResultJson = new(JsonSerializerDefaults.Web)
{
    WriteIndented = true,
    NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
};

FilePath LevelResultPath(int level) => Paths.Artifacts.Combine($"level{level}").CombineWithFilePath("result.json");

LevelRun ReadLevelRun(FilePath path)
{
    if (!FileExists(path))
    {
        throw new CakeException($"{path} is missing: the host did not write its result.");
    }

    return JsonSerializer.Deserialize<LevelRun>(System.IO.File.ReadAllText(path.FullPath), ResultJson)
        ?? throw new CakeException($"{path} is empty.");
}

// The whole level target's wall time, added to the host's own result: the ladder compares what a user waits for.
void RecordTargetSeconds(FilePath path, TimeSpan elapsed)
{
    var result = JsonNode.Parse(System.IO.File.ReadAllText(path.FullPath))!.AsObject();
    result["metrics"]!.AsObject()["target_seconds"] = Math.Round(elapsed.TotalSeconds, 1);
    // On a shared machine a wall time means little without the load it ran under (docs/levels.md quotes both).
    if (LoadAverageOneMinute() is { } load)
    {
        result["metrics"]!.AsObject()["target_load_average"] = load;
    }

    System.IO.File.WriteAllText(path.FullPath, result.ToJsonString(ResultJson));
}

double? LoadAverageOneMinute() =>
    FileExists("/proc/loadavg") && double.TryParse(System.IO.File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var load)
        ? load
        : null;

// Goals that apply to this run's data are printed; a missed quality goal fails the build, a missed time goal is
// reported (times follow the machine's load).
void CheckGoals(LevelRun run)
{
    foreach (var goal in run.Goals)
    {
        var verdict = !goal.Applies ? "not checked (defined for other data)" : goal.Met ? "PASS" : "MISS";
        Information(FormattableString.Invariant($"Goal {goal.Name} {goal.Target}: {verdict} ({goal.Measured:0.000})"));
    }

    var missed = run.Goals.Where(goal => goal.Applies && !goal.Met && !goal.Name.Contains("time", StringComparison.Ordinal)).ToArray();
    if (missed.Length > 0)
    {
        throw new CakeException($"Quality goal missed on real data: {string.Join("; ", missed.Select(goal => FormattableString.Invariant($"{goal.Name} {goal.Measured:0.0000}, goal {goal.Target}")))}.");
    }
}
