using TaxiDuration.TestSupport;
using TaxiDuration.Trips;


namespace TaxiDuration.Data.Tests.Synthetic;

/// <summary>One 20,000-row normal month, generated once and shared by the realism tests (they only read it).</summary>
public sealed class NormalMonthFixture : IAsyncLifetime
{
    public const int Rows = 20_000;

    private readonly TemporaryFolder folder = new();

    public TripRecord[] Trips { get; private set; } = [];

    public async Task InitializeAsync() => Trips = await SyntheticMonths.GenerateAsync(folder, Rows);

    public Task DisposeAsync()
    {
        folder.Dispose();
        return Task.CompletedTask;
    }
}
