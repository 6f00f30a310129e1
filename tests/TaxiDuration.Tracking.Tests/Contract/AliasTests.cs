using TaxiDuration.TestSupport;
using static TaxiDuration.Tracking.Tests.Contract.StoreArrangements;

namespace TaxiDuration.Tracking.Tests.Contract;

/// <summary>Aliases: moved by compare-and-set, every move kept in a history nobody can edit.</summary>
public sealed class AliasTests(FreshDatabase database) : IClassFixture<FreshDatabase>
{
    [Theory, OnSqlite, OnPostgres]
    public void Moving_aliases_appends_to_the_history_in_order_with_reason_and_actor(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var registry = store.Registry;
        store.RegisterModelVersions(3);

        registry.SetAlias(Model, "champion", 1, "first model", "pipeline");
        store.Clock.Advance(TimeSpan.FromHours(1));
        registry.SetAlias(Model, "challenger", 2, "new candidate", "pipeline");
        registry.SetAlias(Model, "champion", 2, "beat champion on 2021-03", "gate");
        registry.SetAlias(Model, "champion", 2, "no-op: already there", "gate");
        registry.SetAlias(Model, "champion", 3, "hotfix", "alice");
        registry.DeleteAlias(Model, "challenger", "promoted", "gate");

        var history = registry.GetAliasHistory(Model);

        Assert.Equal(
            [("champion", null, 1), ("challenger", null, 2), ("champion", 1, 2), ("champion", 2, 2), ("champion", 2, 3), ("challenger", 2, null)],
            history.Select(change => (change.Alias, change.FromVersion, change.ToVersion)));
        // Every successful call leaves exactly one row, a move to where the alias already was included: its reason is kept.
        Assert.Equal(["first model", "new candidate", "beat champion on 2021-03", "no-op: already there", "hotfix", "promoted"], history.Select(h => h.Reason));
        Assert.Equal(["pipeline", "pipeline", "gate", "gate", "alice", "gate"], history.Select(h => h.Actor));
        Assert.Equal(ContractStore.Start, history[0].ChangedAt);
        Assert.Equal(ContractStore.Start.AddHours(1), history[1].ChangedAt);
        Assert.True(history.Select(h => h.Sequence).SequenceEqual(history.Select(h => h.Sequence).Order()));
        Assert.Equal(["champion"], registry.GetModelVersion(Model, 3).Aliases);
        Assert.Empty(registry.GetModelVersion(Model, 2).Aliases);
        Assert.Equal(new Dictionary<string, int> { ["champion"] = 3 }, registry.GetOrCreateRegisteredModel(Model).Aliases);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_move_expecting_another_current_version_is_refused_and_changes_nothing(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var registry = store.Registry;
        store.RegisterModelVersions(3);
        registry.SetAlias(Model, "champion", 2, "first", "alice");

        var conflict = Assert.Throws<AliasConflictException>(
            () => registry.SetAlias(Model, "champion", 3, "gate: better", "gate", AliasPrecondition.PointsAt(1)));
        var unsetConflict = Assert.Throws<AliasConflictException>(
            () => registry.SetAlias(Model, "champion", 3, "first model", "gate", AliasPrecondition.Unset));

        Assert.Equal(2, conflict.Actual);
        Assert.Contains("version 2", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(2, unsetConflict.Actual);
        Assert.Equal(2, registry.GetModelVersionByAlias(Model, "champion").Version);
        Assert.Single(registry.GetAliasHistory(Model));
        Assert.Equal(3, registry.SetAlias(Model, "champion", 3, "gate: better", "gate", AliasPrecondition.PointsAt(2)).Version);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Of_two_promoters_who_read_the_same_champion_exactly_one_wins_every_time(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);

        // Two promoters with connections of their own, as two processes would have.
        AssertExactlyOneOfTwoPromotersWinsEveryRound(store, [store.Connect().Registry, store.Connect().Registry]);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Of_two_threads_promoting_through_one_connection_exactly_one_wins_every_time(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);

        // One registry shared by concurrent requests, as a host's singleton is.
        AssertExactlyOneOfTwoPromotersWinsEveryRound(store, [store.Registry, store.Registry]);
    }

    [Theory, OnSqlite, OnPostgres]
    public void The_alias_history_cannot_be_edited_even_with_raw_sql(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        store.RegisterModelVersions(1);
        store.Registry.SetAlias(Model, "champion", 1, "first", "pipeline");

        store.AssertDatabaseRefusesChanges("alias_history", "reason = 'rewritten'", "alias_history is append-only");

        Assert.Equal("first", store.Registry.GetAliasHistory(Model).Single().Reason);
    }

    // Rounds of two promoters racing to move the champion from where both read it: one wins, the other is told where it went.
    private static void AssertExactlyOneOfTwoPromotersWinsEveryRound(ContractStore store, IModelRegistry[] promoters)
    {
        const int Rounds = 15;
        store.RegisterModelVersions(3);
        store.Registry.SetAlias(Model, "champion", 1, "first", "alice");
        var expectedHistory = new List<int> { 1 };

        for (var round = 0; round < Rounds; round++)
        {
            var current = expectedHistory[^1];
            var targets = new[] { 1, 2, 3 }.Where(version => version != current).ToArray();
            using var start = new Barrier(2);
            var outcomes = Enumerable.Range(0, 2).AsParallel().WithDegreeOfParallelism(2).Select(index =>
            {
                start.SignalAndWait();
                try
                {
                    promoters[index].SetAlias(Model, "champion", targets[index], $"round {round}", $"promoter-{index}", AliasPrecondition.PointsAt(current));
                    return (Version: targets[index], Error: (AliasConflictException?)null);
                }
                catch (AliasConflictException conflict)
                {
                    return (Version: targets[index], Error: conflict);
                }
            }).ToArray();

            var winner = Assert.Single(outcomes, outcome => outcome.Error is null).Version;
            var loser = Assert.Single(outcomes, outcome => outcome.Error is not null).Error!;
            Assert.Equal(winner, loser.Actual);
            Assert.Equal(AliasPrecondition.PointsAt(current), loser.Expected);
            expectedHistory.Add(winner);
        }

        Assert.Equal(expectedHistory, store.Registry.GetAliasHistory(Model).Select(change => change.ToVersion!.Value));
        Assert.Equal(expectedHistory[^1], store.Registry.GetModelVersionByAlias(Model, "champion").Version);
    }
}
