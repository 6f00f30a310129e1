using TaxiDuration.TestSupport;
using static TaxiDuration.Tracking.Tests.Contract.StoreArrangements;

namespace TaxiDuration.Tracking.Tests.Contract;

/// <summary>Champion promotion (with its previous-champion bookkeeping) and the append-only decision log.</summary>
public sealed class DeploymentRecordTests(FreshDatabase database) : IClassFixture<FreshDatabase>
{
    [Theory, OnSqlite, OnPostgres]
    public void Promoting_moves_champion_and_keeps_the_replaced_version_as_previous_champion_in_one_step(Backend backend)
    {
        using var store = StoreWithThreeVersions(backend);
        var registry = store.Registry;

        registry.PromoteChampion(Model, 1, "first model", "gate", AliasPrecondition.Unset);
        registry.PromoteChampion(Model, 2, "beat v1 on 2021-03", "gate", AliasPrecondition.PointsAt(1));

        Assert.Equal(2, registry.GetModelVersionByAlias(Model, RegistryAliases.Champion).Version);
        Assert.Equal(1, registry.GetModelVersionByAlias(Model, RegistryAliases.PreviousChampion).Version);
        var history = registry.GetAliasHistory(Model);
        Assert.Equal(
            [(RegistryAliases.Champion, null, 1), (RegistryAliases.Champion, 1, 2), (RegistryAliases.PreviousChampion, null, 1)],
            history.Select(change => (change.Alias, change.FromVersion, change.ToVersion)));
        Assert.Contains("beat v1 on 2021-03", history[^1].Reason, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_refused_promotion_moves_neither_alias(Backend backend)
    {
        using var store = StoreWithThreeVersions(backend);
        var registry = store.Registry;
        registry.PromoteChampion(Model, 1, "first", "gate", AliasPrecondition.Unset);
        registry.PromoteChampion(Model, 2, "second", "gate", AliasPrecondition.PointsAt(1));

        var conflict = Assert.Throws<AliasConflictException>(
            () => registry.PromoteChampion(Model, 3, "stale read", "gate", AliasPrecondition.PointsAt(1)));

        Assert.Equal(2, conflict.Actual);
        Assert.Equal(2, registry.GetModelVersionByAlias(Model, RegistryAliases.Champion).Version);
        Assert.Equal(1, registry.GetModelVersionByAlias(Model, RegistryAliases.PreviousChampion).Version);
        Assert.Equal(3, registry.GetAliasHistory(Model).Count);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Of_two_gates_promoting_from_the_same_champion_exactly_one_wins_and_previous_champion_stays_consistent(Backend backend)
    {
        using var store = StoreWithThreeVersions(backend);
        var registry = store.Registry;
        registry.PromoteChampion(Model, 1, "first", "gate", AliasPrecondition.Unset);
        var gates = new[] { (Version: 2, Connection: store.Connect()), (Version: 3, Connection: store.Connect()) };
        using var start = new Barrier(gates.Length);

        var outcomes = gates.AsParallel().WithDegreeOfParallelism(gates.Length).Select(gate =>
        {
            start.SignalAndWait();
            try
            {
                gate.Connection.Registry.PromoteChampion(Model, gate.Version, $"gate {gate.Version}", "gate", AliasPrecondition.PointsAt(1));
                return (gate.Version, Error: (AliasConflictException?)null);
            }
            catch (AliasConflictException conflict)
            {
                return (gate.Version, Error: conflict);
            }
        }).ToArray();

        var winner = Assert.Single(outcomes, outcome => outcome.Error is null).Version;
        Assert.Equal(winner, Assert.Single(outcomes, outcome => outcome.Error is not null).Error!.Actual);
        Assert.Equal(winner, registry.GetModelVersionByAlias(Model, RegistryAliases.Champion).Version);
        Assert.Equal(1, registry.GetModelVersionByAlias(Model, RegistryAliases.PreviousChampion).Version);
        Assert.Equal(3, registry.GetAliasHistory(Model).Count);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Re_promoting_the_champion_does_not_overwrite_previous_champion_with_itself(Backend backend)
    {
        using var store = StoreWithThreeVersions(backend);
        var registry = store.Registry;
        registry.PromoteChampion(Model, 1, "first", "gate", AliasPrecondition.Unset);
        registry.PromoteChampion(Model, 2, "second", "gate", AliasPrecondition.PointsAt(1));
        registry.PromoteChampion(Model, 2, "again", "alice", AliasPrecondition.PointsAt(2));

        Assert.Equal(1, registry.GetModelVersionByAlias(Model, RegistryAliases.PreviousChampion).Version);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Decisions_are_numbered_timestamped_and_read_back_in_order(Backend backend)
    {
        using var store = StoreWithThreeVersions(backend);
        var registry = store.Registry;
        var first = registry.RecordDecision(new NewDeploymentDecision(Model, 1, null, "2021-03", "promote", "first model", """{"rmse":6.1}""", "gate"));
        store.Clock.Advance(TimeSpan.FromMinutes(3));
        var second = registry.RecordDecision(new NewDeploymentDecision(Model, 2, 1, "2021-04", "reject", "worse on 3 slices", "{}", "gate"));

        var decisions = registry.GetDecisions(Model);

        Assert.Equal([first, second], decisions);
        Assert.True(second.Sequence > first.Sequence);
        Assert.Null(decisions[0].ChampionVersion);
        Assert.Equal(1, decisions[1].ChampionVersion);
        Assert.Equal(ContractStore.Start.AddMinutes(3), decisions[1].DecidedAt);
        Assert.Equal("""{"rmse":6.1}""", decisions[0].DetailsJson);
        Assert.Empty(registry.GetDecisions("other-model"));
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_decision_about_an_unknown_version_is_refused(Backend backend)
    {
        using var store = StoreWithThreeVersions(backend);

        var error = Assert.Throws<KeyNotFoundException>(
            () => store.Registry.RecordDecision(new NewDeploymentDecision(Model, 9, null, "2021-03", "promote", "typo", "{}", "gate")));

        Assert.Contains("no version 9", error.Message, StringComparison.Ordinal);
        Assert.Empty(store.Registry.GetDecisions(Model));
    }

    [Theory, OnSqlite, OnPostgres]
    public void Decisions_cannot_be_edited_or_deleted_even_with_raw_sql(Backend backend)
    {
        using var store = StoreWithThreeVersions(backend);
        store.Registry.RecordDecision(new NewDeploymentDecision(Model, 1, null, "2021-03", "promote", "first model", "{}", "gate"));

        store.AssertDatabaseRefusesChanges("deployment_decisions", "verdict = 'reject'", "deployment_decisions is append-only");

        Assert.Equal("promote", store.Registry.GetDecisions(Model).Single().Verdict);
    }

    private ContractStore StoreWithThreeVersions(Backend backend)
    {
        var store = ContractStore.Create(backend, database);
        store.RegisterModelVersions(3);
        return store;
    }
}
