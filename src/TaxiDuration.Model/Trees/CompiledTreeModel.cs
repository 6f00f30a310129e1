using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using TaxiDuration.Features;

namespace TaxiDuration.Model.Trees;

/// <summary>
/// A tree model split in two: ML.NET's featurization transforms (everything before the trainer), then the trees
/// compiled by <see cref="CompiledTreeEnsemble"/>. Scoring a month or a request this way gives ML.NET's numbers
/// at a fraction of its cost; models that are not plain tree ensembles keep ML.NET's own path.
/// </summary>
public sealed class CompiledTreeModel
{
    // ML.NET's annotation name (its constant is internal): the one-hot slot ranges of a vector, as first/last pairs.
    private const string CategoricalSlotRanges = "CategoricalSlotRanges";

    private CompiledTreeModel(ITransformer featurizer, string featureColumn, CompiledTreeEnsemble trees)
    {
        Featurizer = featurizer;
        FeatureColumn = featureColumn;
        Trees = trees;
    }

    /// <summary>The transforms that turn a <see cref="TripExample"/> into the trees' feature vector.</summary>
    public ITransformer Featurizer { get; }

    /// <summary>The name of the feature vector column the trees read.</summary>
    public string FeatureColumn { get; }

    public CompiledTreeEnsemble Trees { get; }

    /// <summary>The compiled form of <paramref name="model"/>, or null when it does not end in a numeric-split tree ensemble.</summary>
    public static CompiledTreeModel? TryCompile(ITransformer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var steps = Flatten(model).ToList();
        if (steps.Count == 0
            || steps[^1] is not ISingleFeaturePredictionTransformer<object> { Model: TreeEnsembleModelParametersBasedOnRegressionTree trees } predictor)
        {
            return null;
        }

        var featurizer = new TransformerChain<ITransformer>([.. steps.SkipLast(1)]);
        var input = new MLContext(seed: 0).Data.LoadFromEnumerable(Array.Empty<TripExample>()).Schema;
        var features = featurizer.GetOutputSchema(input).GetColumnOrNull(predictor.FeatureColumnName);
        var compiled = features is { Type: VectorDataViewType { IsKnownSize: true } vector } column
            ? CompiledTreeEnsemble.TryCompile(trees.TrainedTreeEnsemble, vector.Size, OneHotRanges(column))
            : null;
        return compiled is null ? null : new CompiledTreeModel(featurizer, predictor.FeatureColumnName, compiled);
    }

    /// <summary>Predicted minutes for each example, featurized in one batch.</summary>
    /// <param name="fallback">Scores the rows the compiled trees hand back (a NaN feature), with ML.NET's full model.</param>
    /// <param name="maxDegreeOfParallelism">Chunks of rows walked at once while the next are featurized (see <see cref="ChunkedTreeWalk"/>); 1 keeps all the work on the caller's thread.</param>
    public float[] Predict(MLContext ml, IReadOnlyList<TripExample> examples, Func<TripExample, float> fallback, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(fallback);
        var predictions = new float[examples.Count];
        if (examples.Count == 0)
        {
            return predictions;
        }

        var featurized = Featurizer.Transform(ml.Data.LoadFromEnumerable(examples));
        var column = featurized.Schema[FeatureColumn];
        using var cursor = featurized.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var vector = default(VBuffer<float>);
        var walk = new ChunkedTreeWalk(Trees, predictions, maxDegreeOfParallelism);
        var unscorable = new List<int>();
        while (cursor.MoveNext())
        {
            getter(ref vector);
            if (!Trees.WriteRow(vector, walk.NextRow()))
            {
                unscorable.Add(walk.RowsWritten - 1);
            }
        }

        walk.Complete();
        if (walk.RowsWritten != predictions.Length)
        {
            throw new InvalidOperationException($"The featurizer returned {walk.RowsWritten} rows for {predictions.Length} trips.");
        }

        foreach (var index in unscorable)
        {
            predictions[index] = fallback(examples[index]);
        }

        return predictions;
    }

    /// <summary>An engine that featurizes one ride at a time into a <see cref="FeatureVector"/> for <see cref="Score"/> (not thread-safe: one per caller).</summary>
    public PredictionEngine<TripExample, FeatureVector> CreateFeatureEngine(MLContext ml)
    {
        ArgumentNullException.ThrowIfNull(ml);
        var output = SchemaDefinition.Create(typeof(FeatureVector));
        output[nameof(FeatureVector.Features)].ColumnName = FeatureColumn;
        return ml.Model.CreatePredictionEngine<TripExample, FeatureVector>(Featurizer, outputSchemaDefinition: output);
    }

    /// <summary>Scores one featurized row, or returns null when only ML.NET can (see <see cref="CompiledTreeEnsemble.WriteRow"/>).</summary>
    /// <param name="scratch">Room for one compiled row (<see cref="CompiledTreeEnsemble.RowWidth"/>), reused between calls.</param>
    public float? Score(in VBuffer<float> features, float[] scratch) =>
        Trees.WriteRow(features, scratch) ? Trees.Score(scratch) : null;

    private static IEnumerable<ITransformer> Flatten(ITransformer transformer) =>
        transformer is IEnumerable<ITransformer> chain ? chain.SelectMany(Flatten) : [transformer];

    // The slot ranges ML.NET's one-hot encoders annotate (kept through Concatenate): pairs of first and last slot.
    private static (int Start, int End)[] OneHotRanges(DataViewSchema.Column column)
    {
        if (column.Annotations.Schema.GetColumnOrNull(CategoricalSlotRanges) is null)
        {
            return [];
        }

        var pairs = default(VBuffer<int>);
        column.Annotations.GetValue(CategoricalSlotRanges, ref pairs);
        var values = pairs.DenseValues().ToArray();
        return [.. Enumerable.Range(0, values.Length / 2).Select(i => (values[2 * i], values[(2 * i) + 1]))];
    }
}
