namespace TaxiDuration.Tracking.Postgres;

/// <summary>The database was migrated by a newer version of this library; using it could corrupt what that version relies on.</summary>
public sealed class UnsupportedStoreVersionException : InvalidOperationException
{
    public UnsupportedStoreVersionException(string location, int storeVersion, int supportedVersion)
        : base($"Tracking store '{location}' has schema version {storeVersion}, newer than the {supportedVersion} this build supports. Upgrade TaxiDuration.Tracking; the store was left untouched.")
    {
        Location = location;
        StoreVersion = storeVersion;
        SupportedVersion = supportedVersion;
    }

    public string Location { get; }

    public int StoreVersion { get; }

    public int SupportedVersion { get; }
}
