using System.Globalization;

namespace TaxiDuration.Training.Trainers;

/// <summary>
/// A trainer and its hyper-parameters as plain data: a name from <see cref="TrainerNames"/> and numeric
/// parameters keyed by <see cref="TrainerParameters"/>. Missing keys take the trainer's defaults, so a
/// hyper-parameter search only sets what it explores and a run can be logged and replayed from this record.
/// </summary>
public sealed record TrainerSpec
{
    private static readonly IReadOnlyDictionary<string, ParameterRule> Rules = new Dictionary<string, ParameterRule>(StringComparer.Ordinal)
    {
        [TrainerParameters.L2] = new(0, double.MaxValue, IsInteger: false),
        [TrainerParameters.Trees] = new(1, 100_000, IsInteger: true),
        [TrainerParameters.Leaves] = new(2, 131_072, IsInteger: true),
        [TrainerParameters.LearningRate] = new(double.Epsilon, 1, IsInteger: false),
        [TrainerParameters.MinExamplesPerLeaf] = new(1, 1_000_000, IsInteger: true),
        [TrainerParameters.MaxBins] = new(2, 65_536, IsInteger: true),
        [TrainerParameters.Threads] = new(1, 1_024, IsInteger: true),
        [TrainerParameters.FeatureFraction] = new(double.Epsilon, 1, IsInteger: false),
    };

    private static readonly IReadOnlyDictionary<string, string[]> AllowedByTrainer = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [TrainerNames.Linear] = [TrainerParameters.L2],
        [TrainerNames.FastTree] = TreeParameters(),
        [TrainerNames.LightGbm] = [.. TreeParameters(), TrainerParameters.FeatureFraction],
    };

    public TrainerSpec(string name, IReadOnlyDictionary<string, double>? parameters = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        // Copied and sorted: the spec cannot change under a running search, and ToString is stable.
        Parameters = new SortedDictionary<string, double>(parameters?.ToDictionary() ?? [], StringComparer.Ordinal).AsReadOnly();
    }

    public string Name { get; }

    public IReadOnlyDictionary<string, double> Parameters { get; }

    public static TrainerSpec Linear(double? l2 = null) =>
        new(TrainerNames.Linear, l2 is { } value ? new Dictionary<string, double> { [TrainerParameters.L2] = value } : null);

    public static TrainerSpec FastTree(IReadOnlyDictionary<string, double>? parameters = null) => new(TrainerNames.FastTree, parameters);

    public static TrainerSpec LightGbm(IReadOnlyDictionary<string, double>? parameters = null) => new(TrainerNames.LightGbm, parameters);

    /// <summary>The value of <paramref name="parameter"/>, or <paramref name="defaultValue"/> when the spec leaves it unset.</summary>
    public double Get(string parameter, double defaultValue) =>
        Parameters.TryGetValue(parameter, out var value) ? value : defaultValue;

    /// <summary>As <see cref="Get"/>, for parameters that are counts.</summary>
    public int GetInt(string parameter, int defaultValue) =>
        Parameters.TryGetValue(parameter, out var value) ? (int)value : defaultValue;

    /// <summary>Throws <see cref="ArgumentException"/> for an unknown trainer, an unknown key, or a value out of range.</summary>
    public void Validate()
    {
        if (!AllowedByTrainer.TryGetValue(Name, out var allowed))
        {
            throw new ArgumentException($"Unknown trainer '{Name}'; expected one of {string.Join(", ", TrainerNames.All)}.", nameof(Name));
        }

        foreach (var (key, value) in Parameters)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Trainer '{Name}' has no parameter '{key}'; it accepts {string.Join(", ", allowed)}.", nameof(Parameters));
            }

            var rule = Rules[key];
            if (!double.IsFinite(value) || value < rule.Minimum || value > rule.Maximum || (rule.IsInteger && value != Math.Floor(value)))
            {
                var kind = rule.IsInteger ? "an integer" : "a number";
                throw new ArgumentException(
                    $"Parameter '{key}' of trainer '{Name}' must be {kind} in [{rule.Minimum:G}, {rule.Maximum:G}], was {value.ToString(CultureInfo.InvariantCulture)}.",
                    nameof(Parameters));
            }
        }
    }

    /// <summary>A stable one-line description for logs and model metadata, e.g. <c>fasttree(leaves=64, trees=200)</c>.</summary>
    public override string ToString() =>
        Parameters.Count == 0
            ? Name
            : $"{Name}({string.Join(", ", Parameters.Select(pair => $"{pair.Key}={pair.Value.ToString("G", CultureInfo.InvariantCulture)}"))})";

    public bool Equals(TrainerSpec? other) =>
        other is not null && Name == other.Name && Parameters.Count == other.Parameters.Count
        && Parameters.All(pair => other.Parameters.TryGetValue(pair.Key, out var value) && value.Equals(pair.Value));

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    private static string[] TreeParameters() =>
        [TrainerParameters.Trees, TrainerParameters.Leaves, TrainerParameters.LearningRate, TrainerParameters.MinExamplesPerLeaf, TrainerParameters.MaxBins,
            TrainerParameters.Threads];

    private sealed record ParameterRule(double Minimum, double Maximum, bool IsInteger);
}
