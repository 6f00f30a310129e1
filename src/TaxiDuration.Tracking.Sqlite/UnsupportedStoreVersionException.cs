namespace TaxiDuration.Tracking.Sqlite;

/// <summary>The store file was written by a newer version of this library; opening it could corrupt what that version relies on.</summary>
public sealed class UnsupportedStoreVersionException : InvalidOperationException
{
    public UnsupportedStoreVersionException(string databasePath, int storeVersion, int supportedVersion)
        : base($"Tracking store '{databasePath}' has schema version {storeVersion}, newer than the {supportedVersion} this build supports. Upgrade TaxiDuration.Tracking; the store was left untouched.")
    {
        DatabasePath = databasePath;
        StoreVersion = storeVersion;
        SupportedVersion = supportedVersion;
    }

    public string DatabasePath { get; }

    public int StoreVersion { get; }

    public int SupportedVersion { get; }
}
