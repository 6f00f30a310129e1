using TaxiDuration.TestSupport;
namespace TaxiDuration.Tracking.Postgres.Tests;

/// <summary>Champion promotion (with its previous-champion bookkeeping) and the append-only decision log.</summary>
public sealed class DeploymentRecordTests : IClassFixture<FreshDatabase>, IDisposable
{
    private const string Model = "taxi-duration";
    private readonly TempStore temp;
    private readonly PostgresTrackingStore store;

    public DeploymentRecordTests(FreshDatabase database)
    {
        temp = new TempStore(database);
        store = temp.Open();
        var tracker = store.Tracker;
        for (var index = 1; index <= 3; index++)
        {
            var run = tracker.CreateRun(new NewRun(tracker.GetOrCreateExperiment("taxi").ExperimentId, "train")).RunId;
            var artifact = tracker.LogArtifact(run, temp.WriteFile($"model-{index}.zip", $"model {index}"), "model/model.zip");
            Registry.CreateModelVersion(new NewModelVersion(Model, run, artifact.Path, "pu_do+distance"));
        }
    }

    private IModelRegistry Registry => store.Registry;

    [PostgresFact]
    public void Promoting_moves_champion_and_keeps_the_replaced_version_as_previous_champion_in_one_step()
    {
        Registry.PromoteChampion(Model, 1, "first model", "gate", AliasPrecondition.Unset);
        Registry.PromoteChampion(Model, 2, "beat v1 on 2021-03", "gate", AliasPrecondition.PointsAt(1));

        Assert.Equal(2, Registry.GetModelVersionByAlias(Model, RegistryAliases.Champion).Version);
        Assert.Equal(1, Registry.GetModelVersionByAlias(Model, RegistryAliases.PreviousChampion).Version);
        var history = Registry.GetAliasHistory(Model);
        Assert.Equal(
            [(RegistryAliases.Champion, null, 1), (RegistryAliases.Champion, 1, 2), (RegistryAliases.PreviousChampion, null, 1)],
            history.Select(change => (change.Alias, change.FromVersion, change.ToVersion)));
        Assert.Contains("beat v1 on 2021-03", history[^1].Reason, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_refused_promotion_moves_neither_alias()
    {
        Registry.PromoteChampion(Model, 1, "first", "gate", AliasPrecondition.Unset);
        Registry.PromoteChampion(Model, 2, "second", "gate", AliasPrecondition.PointsAt(1));

        var conflict = Assert.Throws<AliasConflictException>(
            () => Registry.PromoteChampion(Model, 3, "stale read", "gate", AliasPrecondition.PointsAt(1)));

        Assert.Equal(2, conflict.Actual);
        Assert.Equal(2, Registry.GetModelVersionByAlias(Model, RegistryAliases.Champion).Version);
        Assert.Equal(1, Registry.GetModelVersionByAlias(Model, RegistryAliases.PreviousChampion).Version);
        Assert.Equal(3, Registry.GetAliasHistory(Model).Count);
    }

    [PostgresFact]
    public void Of_two_gates_promoting_from_the_same_champion_exactly_one_wins_and_previous_champion_stays_consistent()
    {
        Registry.PromoteChampion(Model, 1, "first", "gate", AliasPrecondition.Unset);
        var gates = new[] { (Version: 2, Store: temp.Open()), (Version: 3, Store: temp.Open()) };
        using var start = new Barrier(gates.Length);

        var outcomes = gates.AsParallel().WithDegreeOfParallelism(gates.Length).Select(gate =>
        {
            start.SignalAndWait();
            try
            {
                gate.Store.Registry.PromoteChampion(Model, gate.Version, $"gate {gate.Version}", "gate", AliasPrecondition.PointsAt(1));
                return (gate.Version, Error: (AliasConflictException?)null);
            }
            catch (AliasConflictException conflict)
            {
                return (gate.Version, Error: conflict);
            }
        }).ToArray();

        var winner = Assert.Single(outcomes, outcome => outcome.Error is null).Version;
        Assert.Equal(winner, Assert.Single(outcomes, outcome => outcome.Error is not null).Error!.Actual);
        Assert.Equal(winner, Registry.GetModelVersionByAlias(Model, RegistryAliases.Champion).Version);
        Assert.Equal(1, Registry.GetModelVersionByAlias(Model, RegistryAliases.PreviousChampion).Version);
        Assert.Equal(3, Registry.GetAliasHistory(Model).Count);
    }

    [PostgresFact]
    public void Re_promoting_the_champion_does_not_overwrite_previous_champion_with_itself()
    {
        Registry.PromoteChampion(Model, 1, "first", "gate", AliasPrecondition.Unset);
        Registry.PromoteChampion(Model, 2, "second", "gate", AliasPrecondition.PointsAt(1));
        Registry.PromoteChampion(Model, 2, "again", "alice", AliasPrecondition.PointsAt(2));

        Assert.Equal(1, Registry.GetModelVersionByAlias(Model, RegistryAliases.PreviousChampion).Version);
    }

    [PostgresFact]
    public void Decisions_are_numbered_timestamped_and_read_back_in_order()
    {
        var first = Registry.RecordDecision(new NewDeploymentDecision(Model, 1, null, "2021-03", "promote", "first model", """{"rmse":6.1}""", "gate"));
        temp.Clock.Advance(TimeSpan.FromMinutes(3));
        var second = Registry.RecordDecision(new NewDeploymentDecision(Model, 2, 1, "2021-04", "reject", "worse on 3 slices", "{}", "gate"));

        var decisions = Registry.GetDecisions(Model);

        Assert.Equal([first, second], decisions);
        Assert.True(second.Sequence > first.Sequence);
        Assert.Null(decisions[0].ChampionVersion);
        Assert.Equal(1, decisions[1].ChampionVersion);
        Assert.Equal(TempStore.Start.AddMinutes(3), decisions[1].DecidedAt);
        Assert.Equal("""{"rmse":6.1}""", decisions[0].DetailsJson);
        Assert.Empty(Registry.GetDecisions("other-model"));
    }

    [PostgresFact]
    public void A_decision_about_an_unknown_version_is_refused()
    {
        var error = Assert.Throws<KeyNotFoundException>(
            () => Registry.RecordDecision(new NewDeploymentDecision(Model, 9, null, "2021-03", "promote", "typo", "{}", "gate")));

        Assert.Contains("no version 9", error.Message, StringComparison.Ordinal);
        Assert.Empty(Registry.GetDecisions(Model));
    }

    [PostgresFact]
    public void Decisions_cannot_be_edited_or_deleted_even_with_raw_sql()
    {
        Registry.RecordDecision(new NewDeploymentDecision(Model, 1, null, "2021-03", "promote", "first model", "{}", "gate"));

        foreach (var edit in new[] { "UPDATE deployment_decisions SET verdict = 'reject';", "DELETE FROM deployment_decisions;", "TRUNCATE deployment_decisions;" })
        {
            var refused = temp.Sql.Refused(edit);
            Assert.Equal(Npgsql.PostgresErrorCodes.RestrictViolation, refused.SqlState);
            Assert.Equal("deployment_decisions is append-only", refused.MessageText);
            Assert.Equal("deployment_decisions", refused.TableName);
        }

        Assert.Equal("promote", Registry.GetDecisions(Model).Single().Verdict);
    }

    public void Dispose() => temp.Dispose();
}
