using Microsoft.ML;
using TaxiDuration.Monitoring.Profiles;

namespace TaxiDuration.Automation.Replay;

/// <summary>A model the loop has fitted: what it was trained on, and the reference profile it is monitored against.</summary>
public sealed record ReplayModel(string Name, ITransformer Model, ReferenceProfile Profile, IReadOnlyList<string> TrainedOn);
