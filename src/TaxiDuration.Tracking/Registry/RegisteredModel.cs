namespace TaxiDuration.Tracking;

/// <summary>A model name under which versions are registered (MLflow: registered model), e.g. <c>taxi-duration</c>.</summary>
public sealed record RegisteredModel(string Name, DateTimeOffset CreatedAt, IReadOnlyDictionary<string, int> Aliases);
