using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using TaxiDuration.Features;

namespace TaxiDuration.Serving;

/// <summary>Creates engines for one transformer; every returned session is kept (an engine has no per-call state to reset).</summary>
internal sealed class PredictionSessionPolicy(MLContext ml, ITransformer transformer, DataViewSchema inputSchema)
    : PooledObjectPolicy<PredictionSession>
{
    public override PredictionSession Create() =>
        new(ml.Model.CreatePredictionEngine<TripExample, DurationPrediction>(transformer, inputSchema));

    public override bool Return(PredictionSession obj) => true;
}
