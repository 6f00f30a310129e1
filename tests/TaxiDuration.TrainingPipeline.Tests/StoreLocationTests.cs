using TaxiDuration.TrainingPipeline.Commands;

namespace TaxiDuration.TrainingPipeline.Tests;

public sealed class StoreLocationTests
{
    [Fact]
    public void A_server_store_points_to_the_PostgreSQL_setting()
    {
        var line = StoreLocation.Line("postgresql://127.0.0.1:5432/tracking");

        Assert.Equal("Tracking store: postgresql://127.0.0.1:5432/tracking (set TAXI_TRACKING_POSTGRES or Tracking:Postgres to use another)", line);
    }

    [Fact]
    public void An_embedded_store_points_to_the_folder_setting()
    {
        var line = StoreLocation.Line("/home/me/tracking/tracking.db");

        Assert.Equal("Tracking store: /home/me/tracking/tracking.db (set TAXI_TRACKING_DIR or Tracking:Directory to use another)", line);
    }
}
