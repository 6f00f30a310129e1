namespace TaxiDuration.Tracking.Tests.Contract;

/// <summary>The tracking backends the contract runs against; a contract theory takes one per row.</summary>
public enum Backend
{
    Sqlite,
    Postgres,
}
