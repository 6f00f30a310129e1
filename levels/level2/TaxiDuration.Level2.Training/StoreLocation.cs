using TaxiDuration.Tracking;

namespace TaxiDuration.Level2.Training;

/// <summary>Opens the shared store and says where it is, so a person always knows which history they are reading.</summary>
internal static class StoreLocation
{
    public static TrackingStore Open()
    {
        var store = TrackingStore.Open(TrackingStoreOptions.FromEnvironment());
        Console.WriteLine($"Tracking store: {store.DatabasePath} (set {TrackingStoreOptions.DirectoryVariable} to use another)");
        return store;
    }
}
