using TaxiDuration.TestSupport;

namespace TaxiDuration.Tracking.Tests.Contract;

/// <summary>Experiments: one per name, found by it, whoever races to create it.</summary>
public sealed class ExperimentTests(FreshDatabase database) : IClassFixture<FreshDatabase>
{
    [Theory, OnSqlite, OnPostgres]
    public void Experiments_round_trip_by_name_and_a_taken_name_is_refused(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var tracker = store.Tracker;

        var created = tracker.CreateExperiment("taxi-duration");

        Assert.Equal(created, tracker.GetExperimentByName("taxi-duration"));
        Assert.Equal(ContractStore.Start, created.CreatedAt);
        Assert.Null(tracker.GetExperimentByName("unknown"));
        Assert.Equal(created, tracker.GetOrCreateExperiment("taxi-duration"));
        var other = tracker.GetOrCreateExperiment("another");
        Assert.NotEqual(created.ExperimentId, other.ExperimentId);
        Assert.Equal(["another", "taxi-duration"], tracker.ListExperiments().Select(e => e.Name));
        var error = Assert.Throws<InvalidOperationException>(() => tracker.CreateExperiment("taxi-duration"));
        Assert.Contains("'taxi-duration' already exists", error.Message, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Processes_racing_to_create_one_experiment_all_get_the_same_one(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var connections = Enumerable.Range(0, 6).Select(_ => store.Connect()).ToArray();
        using var start = new Barrier(connections.Length);

        var ids = connections.AsParallel().WithDegreeOfParallelism(connections.Length).Select(connection =>
        {
            start.SignalAndWait();
            return connection.Tracker.GetOrCreateExperiment("raced").ExperimentId;
        }).ToArray();

        Assert.Single(ids.Distinct());
        Assert.Equal(1L, store.Sql.Long("SELECT COUNT(*) FROM experiments WHERE name = 'raced';"));
    }
}
