using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using TaxiDuration.Features;
using TaxiDuration.Model;

namespace TaxiDuration.Serving;

/// <summary>
/// An immutable, ready-to-serve model: what its file says about it and a pool of prediction engines. Safe to call
/// from any number of threads; swapping models means publishing a new <see cref="ServedModelSet"/>.
/// </summary>
public sealed class ServedModel
{
    private readonly ObjectPool<PredictionSession> sessions;

    /// <summary>Wraps a loaded model; engines are created lazily, at most one per concurrent caller.</summary>
    public ServedModel(MLContext ml, LoadedModel model)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(model);
        Metadata = model.Metadata;
        // Predictions are synchronous and CPU-bound, so more engines than (a small multiple of) cores would only
        // sit idle in the pool; extra ones created under bursts are simply dropped.
        var policy = new PredictionSessionPolicy(ml, model.Transformer, model.InputSchema);
        UsesCompiledTrees = policy.UsesCompiledTrees;
        sessions = new DefaultObjectPool<PredictionSession>(policy, maximumRetained: Environment.ProcessorCount * 2);
    }

    /// <summary>Whether rides are scored by compiled trees (a tree model) rather than ML.NET's engine for the whole model.</summary>
    public bool UsesCompiledTrees { get; }

    /// <summary>What the model file (or the registry) says about this model.</summary>
    public ModelMetadata Metadata { get; }

    /// <summary>The version reported with every prediction (<see cref="ModelMetadata.Version"/>).</summary>
    public string Version => Metadata.Version;

    /// <summary>Predicts one trip's duration in minutes.</summary>
    public float Predict(TripExample example)
    {
        var session = sessions.Get();
        try
        {
            return PredictedDuration.FromScore(session.Predict(example));
        }
        finally
        {
            sessions.Return(session);
        }
    }

    /// <summary>Predicts every example into <paramref name="minutes"/> with one borrowed engine.</summary>
    public void Predict(ReadOnlySpan<TripExample> examples, Span<float> minutes)
    {
        if (minutes.Length != examples.Length)
        {
            throw new ArgumentException($"Expected room for {examples.Length} predictions, got {minutes.Length}.", nameof(minutes));
        }

        var session = sessions.Get();
        try
        {
            for (var i = 0; i < examples.Length; i++)
            {
                minutes[i] = PredictedDuration.FromScore(session.Predict(examples[i]));
            }
        }
        finally
        {
            sessions.Return(session);
        }
    }
}
