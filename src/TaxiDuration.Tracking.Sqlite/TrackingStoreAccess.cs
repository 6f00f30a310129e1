namespace TaxiDuration.Tracking.Sqlite;

/// <summary>How a process may use the store, chosen by what it does.</summary>
public enum TrackingStoreAccess
{
    /// <summary>Training: create the store when missing and migrate it to this build's schema.</summary>
    Create,

    /// <summary>Browsing and promoting: the store must already exist (a mistyped folder is an error, not a new empty store).</summary>
    Existing,

    /// <summary>
    /// Serving: open without writing anything (no journal-mode change, no migration), the exact schema version
    /// required. Works on a read-only mount.
    /// </summary>
    ReadOnly,
}
