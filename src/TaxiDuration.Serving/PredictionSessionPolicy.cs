using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using TaxiDuration.Features;
using TaxiDuration.Model.Trees;

namespace TaxiDuration.Serving;

/// <summary>
/// Creates sessions for one model (compiled trees when the model is a tree ensemble the compiler handles); every
/// returned session is kept, as an engine has no per-call state to reset.
/// </summary>
internal sealed class PredictionSessionPolicy(MLContext ml, ITransformer transformer, DataViewSchema inputSchema)
    : PooledObjectPolicy<PredictionSession>
{
    private readonly CompiledTreeModel? trees = CompiledTreeModel.TryCompile(transformer);

    /// <summary>Whether sessions score with compiled trees (reported on <c>GET /model</c>).</summary>
    public bool UsesCompiledTrees => trees is not null;

    public override PredictionSession Create() =>
        trees is null
            ? WholeModel()
            : new CompiledTreePredictionSession(trees.CreateFeatureEngine(ml), trees, WholeModel);

    public override bool Return(PredictionSession obj) => true;

    private EnginePredictionSession WholeModel() =>
        new(ml.Model.CreatePredictionEngine<TripExample, DurationPrediction>(transformer, inputSchema));
}
