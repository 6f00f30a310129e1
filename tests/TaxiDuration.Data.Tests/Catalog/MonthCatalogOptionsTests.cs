using TaxiDuration.Data.Catalog;

namespace TaxiDuration.Data.Tests.Catalog;

/// <summary>The catalog's defaults (the documented <c>data/</c> folder, downloads on, synthetic off) and each invalid setting's message.</summary>
public sealed class MonthCatalogOptionsTests
{
    [Fact]
    public void By_default_months_are_read_and_downloaded_in_data_and_never_made_up()
    {
        var options = new MonthCatalogOptions();

        Assert.Equal(("data", "data", true, false), (options.DataDirectory, options.CacheDirectory, options.AllowDownload, options.AllowSynthetic));
        options.Validate();
    }

    [Fact]
    public void An_empty_data_folder_says_how_to_set_one()
    {
        var error = Assert.Throws<ArgumentException>(new MonthCatalogOptions { DataDirectory = " " }.Validate);

        Assert.Equal("DataDirectory is empty: set TAXI_DATA_DIR or configure a data folder. (Parameter 'DataDirectory')", error.Message);
    }

    [Fact]
    public void An_empty_cache_folder_says_how_to_set_one()
    {
        var error = Assert.Throws<ArgumentException>(new MonthCatalogOptions { CacheDirectory = "" }.Validate);

        Assert.Equal("CacheDirectory is empty: configure Data:CacheDirectory or leave it unset. (Parameter 'CacheDirectory')", error.Message);
    }

    [Fact]
    public void Missing_synthetic_settings_are_named()
    {
        var error = Assert.Throws<ArgumentException>(new MonthCatalogOptions { Synthetic = null! }.Validate);

        Assert.Equal("Synthetic options are missing. (Parameter 'Synthetic')", error.Message);
    }
}
