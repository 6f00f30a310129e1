using Microsoft.ML;
using TaxiDuration.Features;

namespace TaxiDuration.Serving;

/// <summary>
/// One prediction engine with its own output row. A <see cref="PredictionEngine{TSrc,TDst}"/> is not thread-safe,
/// so each concurrent request borrows a whole session from the pool; reusing the output row keeps the hot path
/// free of per-request allocations on the ML.NET side.
/// </summary>
internal sealed class PredictionSession(PredictionEngine<TripExample, DurationPrediction> engine)
{
    private DurationPrediction output = new();

    public float Predict(TripExample example)
    {
        engine.Predict(example, ref output);
        return output.Score;
    }
}
