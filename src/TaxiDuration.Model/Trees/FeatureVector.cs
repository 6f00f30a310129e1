using Microsoft.ML.Data;

namespace TaxiDuration.Model.Trees;

/// <summary>A prediction engine's output row for a featurizer alone: the vector the compiled trees read.</summary>
public sealed class FeatureVector
{
    /// <summary>The featurized ride (dense or sparse); its column name is set when the engine is created.</summary>
    public VBuffer<float> Features;
}
