using TaxiDuration.Training.Trainers;

namespace TaxiDuration.Training.Tests;

public sealed class TrainerSpecTests
{
    [Fact]
    public void Unset_parameters_fall_back_to_the_given_default()
    {
        var spec = TrainerSpec.FastTree(new Dictionary<string, double> { [TrainerParameters.Leaves] = 16 });

        Assert.Equal(16, spec.GetInt(TrainerParameters.Leaves, 64));
        Assert.Equal(0.2, spec.Get(TrainerParameters.LearningRate, 0.2));
    }

    [Fact]
    public void Description_is_stable_and_sorted_by_parameter()
    {
        var spec = TrainerSpec.LightGbm(new Dictionary<string, double> { [TrainerParameters.Trees] = 300, [TrainerParameters.LearningRate] = 0.05 });

        Assert.Equal("lightgbm(learningRate=0.05, trees=300)", spec.ToString());
        Assert.Equal("linear", TrainerSpec.Linear().ToString());
    }

    [Fact]
    public void Specs_with_the_same_values_are_equal()
    {
        var first = TrainerSpec.Linear(0.5);
        var second = new TrainerSpec(TrainerNames.Linear, new Dictionary<string, double> { [TrainerParameters.L2] = 0.5 });

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, TrainerSpec.Linear(0.6));
    }

    [Theory]
    [InlineData("sdca", null, 0, "Unknown trainer 'sdca'")]
    [InlineData(TrainerNames.Linear, TrainerParameters.Trees, 10, "has no parameter 'trees'")]
    [InlineData(TrainerNames.FastTree, TrainerParameters.Leaves, 1, "'leaves'")]
    [InlineData(TrainerNames.FastTree, TrainerParameters.Trees, 10.5, "an integer")]
    [InlineData(TrainerNames.LightGbm, TrainerParameters.LearningRate, 0, "'learningRate'")]
    [InlineData(TrainerNames.Linear, TrainerParameters.L2, -1, "'l2'")]
    [InlineData(TrainerNames.LightGbm, TrainerParameters.FeatureFraction, 1.5, "'featureFraction' of trainer 'lightgbm' must be a number in [")]
    [InlineData(TrainerNames.LightGbm, TrainerParameters.FeatureFraction, 0, "'featureFraction'")]
    [InlineData(TrainerNames.FastTree, TrainerParameters.FeatureFraction, 0.5, "has no parameter 'featureFraction'")]
    public void Invalid_specs_fail_naming_the_problem(string trainer, string? parameter, double value, string expectedMessage)
    {
        var parameters = parameter is null ? null : new Dictionary<string, double> { [parameter] = value };

        var error = Assert.Throws<ArgumentException>(new TrainerSpec(trainer, parameters).Validate);

        Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
    }
}
