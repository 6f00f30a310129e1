using TaxiDuration.Training.Trainers;
using TaxiDuration.TrainingPipeline.Search;

namespace TaxiDuration.TrainingPipeline.Tests;

public sealed class RandomSearchTests
{
    private static readonly ParameterRange[] Space =
    [
        new IntegerRange("trees", 100, 400),
        new LogUniformRange("learningRate", 0.05, 0.3),
        new UniformRange("fraction", 0.5, 1),
    ];

    [Fact]
    public void Same_seed_gives_the_same_trials()
    {
        var first = new RandomSearch(Space, seed: 7).Trials(10);
        var second = new RandomSearch(Space, seed: 7).Trials(10);

        Assert.Equal(first.Select(Describe), second.Select(Describe));
    }

    [Fact]
    public void Different_seeds_give_different_trials()
    {
        var first = new RandomSearch(Space, seed: 1).Trials(5);
        var second = new RandomSearch(Space, seed: 2).Trials(5);

        Assert.NotEqual(first.Select(Describe), second.Select(Describe));
    }

    [Fact]
    public void Every_value_lies_in_its_range_and_integers_are_whole()
    {
        foreach (var trial in new RandomSearch(Space, seed: 3).Trials(200))
        {
            Assert.InRange(trial["trees"], 100, 400);
            Assert.Equal(Math.Floor(trial["trees"]), trial["trees"]);
            Assert.InRange(trial["learningRate"], 0.05, 0.3);
            Assert.InRange(trial["fraction"], 0.5, 1);
        }
    }

    [Fact]
    public void Log_uniform_spends_as_many_draws_per_decade()
    {
        var draws = new RandomSearch([new LogUniformRange("l2", 0.01, 100)], seed: 5).Trials(4_000).Select(trial => trial["l2"]).ToArray();

        // Four decades: a uniform draw would put 99 % of the values above 1; log-uniform puts a quarter in each decade.
        var belowOne = draws.Count(value => value < 1) / (double)draws.Length;
        Assert.InRange(belowOne, 0.45, 0.55);
    }

    [Fact]
    public void A_parameter_named_twice_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new RandomSearch([new UniformRange("a", 0, 1), new IntegerRange("a", 1, 2)], seed: 1));
        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TrainerNames.Linear)]
    [InlineData(TrainerNames.FastTree)]
    [InlineData(TrainerNames.LightGbm)]
    public void Every_trial_of_the_candidate_plan_is_a_valid_trainer_spec(string trainer)
    {
        foreach (var candidate in CandidatePlan.Trials(trainer, count: 25, seed: 42))
        {
            candidate.Trainer.Validate();
            Assert.Equal(trainer, candidate.Trainer.Name);
            Assert.Equal(CandidatePlan.FeaturesFor(trainer), candidate.FeatureSet);
        }
    }

    private static string Describe(IReadOnlyDictionary<string, double> trial) =>
        string.Join(";", trial.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value:R}"));
}
