using Xunit.Abstractions;
namespace TaxiDuration.Data.Tests.Synthetic;
public sealed class ZzExplore(ITestOutputHelper output)
{
    [Fact]
    public async Task Explore()
    {
        using var folder = new TemporaryFolder();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        _ = TaxiDuration.Data.Synthetic.SyntheticMonthGenerator.Generate(SyntheticMonths.January2021, new() { Rows = 100 });
        await SyntheticMonths.WriteAsync(folder, 100);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var gen = TaxiDuration.Data.Synthetic.SyntheticMonthGenerator.Generate(SyntheticMonths.January2021, new() { Rows = 70_000 });
        output.WriteLine($"generate 70k: {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        _ = new TaxiDuration.Data.Synthetic.CityModel(TaxiDuration.Data.Synthetic.ScenarioProfile.GreenHubs);
        output.WriteLine($"city: {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        var path = await SyntheticMonths.WriteAsync(folder, 70_000);
        output.WriteLine($"cpu total {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds} ms");
        output.WriteLine($"write 70k: {sw.ElapsedMilliseconds} ms, {new FileInfo(path).Length} bytes");
        var trips = await new TaxiDuration.Data.Reading.TlcTripReader().ReadAllAsync(path);
        var d = trips.Select(t => t.DurationMinutes()!.Value).Order().ToArray();
        var m = trips.Select(t => t.TripDistance!.Value).Order().ToArray();
        foreach (var q in new[]{0.01,0.05,0.1,0.25,0.5,0.75,0.9,0.95,0.99}) output.WriteLine($"q{q}: dur {d[(int)(q*d.Length)]:F2} dist {m[(int)(q*m.Length)]:F2}");
        output.WriteLine($">60: {d.Count(x => x > 60)/(double)d.Length:P2} <1: {d.Count(x => x < 1)/(double)d.Length:P2} kept {trips.Count(t=>t.IsKept())/(double)trips.Length:P2}");
        var kept = trips.Where(t => t.IsKept()).Select(t => t.DurationMinutes()!.Value).ToArray();
        var mean = kept.Average(); output.WriteLine($"kept mean {mean:F2} std {Math.Sqrt(kept.Average(x => (x-mean)*(x-mean))):F2}; all mean {d.Average():F2}");
        output.WriteLine($"pudo distinct {trips.Select(t => (t.PickupLocationId, t.DropoffLocationId)).Distinct().Count()}");
        output.WriteLine($"top {string.Join(",", trips.TopPickupZones(15))}");
    }
}
