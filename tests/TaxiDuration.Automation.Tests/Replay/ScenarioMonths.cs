using TaxiDuration.Automation.Replay;
using TaxiDuration.Data.Reading;
using TaxiDuration.Data.Synthetic;
using TaxiDuration.Data.Validation;
using TaxiDuration.Features;
using TaxiDuration.Training.Preparation;
using TaxiDuration.Trips;

namespace TaxiDuration.Automation.Tests.Replay;

/// <summary>Synthetic months with a named scenario each, written by the generator and prepared as the replay reads real ones.</summary>
internal static class ScenarioMonths
{
    public static async Task<IReadOnlyList<ReplayMonth>> PrepareAsync(string folder, int rows, params (string Month, SyntheticScenario Scenario)[] months)
    {
        var prepared = new List<ReplayMonth>();
        var reader = new TlcTripReader();
        for (var i = 0; i < months.Length; i++)
        {
            var month = TaxiMonth.Parse("green " + months[i].Month);
            var path = Path.Combine(folder, month.FileName);
            await new SyntheticMonthGenerator().WriteAsync(month, path, new SyntheticMonthOptions { Rows = rows, Seed = 100 + i, Scenario = months[i].Scenario });
            var records = await reader.ReadAllAsync(path);
            var report = new TripDataValidator().Validate(records, month, month.ToString());
            var file = new Data.Catalog.MonthFile(month, path, Data.Catalog.DataOrigin.Synthetic);
            var info = await reader.InspectAsync(path);
            prepared.Add(new ReplayMonth(new PreparedMonth("replay", file, report, TripFeaturizer.Featurize(records), "synthetic"), info.Columns));
        }

        return prepared;
    }
}
