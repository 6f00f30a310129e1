using TaxiDuration.Data.Tests.Synthetic;

namespace TaxiDuration.Data.Tests.Download;

/// <summary>A small valid month file (synthetic, 2,000 rows) for the loopback servers to serve.</summary>
public sealed class ServedMonthFixture : IAsyncLifetime
{
    public const int Rows = 2_000;

    public byte[] Bytes { get; private set; } = [];

    public async Task InitializeAsync() => Bytes = await SyntheticMonths.BytesAsync(Rows);

    public Task DisposeAsync() => Task.CompletedTask;
}
