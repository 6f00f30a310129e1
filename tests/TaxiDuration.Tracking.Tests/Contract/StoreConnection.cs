namespace TaxiDuration.Tracking.Tests.Contract;

/// <summary>
/// One opened store, as a process that opened it sees it. <paramref name="Resources"/> is what closing it releases
/// (PostgreSQL's connection pool); the SQLite store holds nothing open between calls.
/// </summary>
internal sealed record StoreConnection(IExperimentTracker Tracker, IModelRegistry Registry, string ArtifactRoot, IDisposable? Resources) : IDisposable
{
    public void Dispose() => Resources?.Dispose();
}
