using Microsoft.ML;
using TaxiDuration.Features;
using TaxiDuration.Model.Trees;

namespace TaxiDuration.Serving;

/// <summary>
/// What one request borrows to predict: prediction engines are not thread-safe, so each concurrent request takes a
/// whole session from the pool, and reusing its rows keeps the hot path free of per-request allocations.
/// </summary>
internal abstract class PredictionSession
{
    public abstract float Predict(TripExample example);
}

/// <summary>ML.NET's engine for the whole model: linear models, and tree models the compiler does not handle.</summary>
internal sealed class EnginePredictionSession(PredictionEngine<TripExample, DurationPrediction> engine) : PredictionSession
{
    private DurationPrediction output = new();

    public override float Predict(TripExample example)
    {
        engine.Predict(example, ref output);
        return output.Score;
    }
}

/// <summary>
/// ML.NET featurizes, the compiled trees score (several times faster than ML.NET's own tree walk); a ride the
/// compiled trees hand back (a NaN feature) goes to ML.NET's engine for the whole model, created on first need.
/// </summary>
internal sealed class CompiledTreePredictionSession(
    PredictionEngine<TripExample, FeatureVector> featurizer, CompiledTreeModel trees, Func<EnginePredictionSession> fallback) : PredictionSession
{
    private readonly float[] scratch = new float[trees.Trees.RowWidth];
    private FeatureVector features = new();
    private EnginePredictionSession? whole;

    public override float Predict(TripExample example)
    {
        featurizer.Predict(example, ref features);
        return trees.Score(features.Features, scratch) ?? (whole ??= fallback()).Predict(example);
    }
}
