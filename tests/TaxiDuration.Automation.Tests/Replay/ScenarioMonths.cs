using TaxiDuration.Automation.Replay;
using TaxiDuration.Data.Reading;
using TaxiDuration.Data.Synthetic;
using TaxiDuration.Data.Validation;
using TaxiDuration.Features;
using TaxiDuration.Training.Preparation;
using TaxiDuration.Trips;

namespace TaxiDuration.Automation.Tests.Replay;

/// <summary>Months prepared as the replay reads them: synthetic ones with a named scenario each, or real files.</summary>
internal static class ScenarioMonths
{
    /// <summary>Real months of <paramref name="folder"/> (TAXI_DATA_DIR), validated and featurized.</summary>
    public static async Task<IReadOnlyList<ReplayMonth>> RealAsync(string folder, params string[] months)
    {
        var prepared = new List<ReplayMonth>();
        foreach (var name in months)
        {
            var month = TaxiMonth.Parse("green " + name);
            prepared.Add(await PrepareAsync(Path.Combine(folder, month.FileName), month, Data.Catalog.DataOrigin.Real));
        }

        return prepared;
    }

    public static async Task<IReadOnlyList<ReplayMonth>> PrepareAsync(string folder, int rows, params (string Month, SyntheticScenario Scenario)[] months)
    {
        var prepared = new List<ReplayMonth>();
        for (var i = 0; i < months.Length; i++)
        {
            var month = TaxiMonth.Parse("green " + months[i].Month);
            var path = Path.Combine(folder, month.FileName);
            await new SyntheticMonthGenerator().WriteAsync(month, path, new SyntheticMonthOptions { Rows = rows, Seed = 100 + i, Scenario = months[i].Scenario });
            prepared.Add(await PrepareAsync(path, month, Data.Catalog.DataOrigin.Synthetic));
        }

        return prepared;
    }

    private static async Task<ReplayMonth> PrepareAsync(string path, TaxiMonth month, Data.Catalog.DataOrigin origin)
    {
        var reader = new TlcTripReader();
        var records = await reader.ReadAllAsync(path);
        var report = new TripDataValidator().Validate(records, month, month.ToString());
        var info = await reader.InspectAsync(path);
        return new ReplayMonth(new PreparedMonth("replay", new Data.Catalog.MonthFile(month, path, origin), report, TripFeaturizer.Featurize(records), origin.ToString()), info.Columns);
    }
}
