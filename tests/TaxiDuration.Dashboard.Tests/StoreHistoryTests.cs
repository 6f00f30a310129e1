using Microsoft.Extensions.Options;
using TaxiDuration.Tracking;

namespace TaxiDuration.Dashboard.Tests;

/// <summary>What the dashboard reads from a real store: the registry's history newest first, the loop's windows oldest first.</summary>
public sealed class StoreHistoryTests : IDisposable
{
    private readonly DashboardStore store = new();

    [Fact]
    public void Alias_moves_and_gate_decisions_come_newest_first_with_their_reasons()
    {
        store.RegisterVersions(2);
        var registry = store.Store.Registry;
        registry.PromoteChampion(DashboardStore.Model, 1, "first model", "gate", AliasPrecondition.Unset);
        registry.RecordDecision(new NewDeploymentDecision(DashboardStore.Model, 2, 1, "green 2021-03", "Promote", "challenger RMSE 5.1 vs 5.4", "{}", "loop"));
        registry.PromoteChampion(DashboardStore.Model, 2, "loop decision #1", "loop", AliasPrecondition.PointsAt(1));

        var history = History().History();

        Assert.Equal(
            [("previous-champion", null, 1, "loop"), ("champion", 1, 2, "loop"), ("champion", null, 1, "gate")],
            history.Aliases.Select(move => (move.Alias, move.FromVersion, move.ToVersion, move.Actor)));
        var decision = Assert.Single(history.Decisions);
        Assert.Equal((2, (int?)1, "green 2021-03", "Promote", "loop"), (decision.CandidateVersion, decision.ChampionVersion, decision.Window, decision.Verdict, decision.Actor));
        Assert.Equal("challenger RMSE 5.1 vs 5.4", decision.Reason);
    }

    [Fact]
    public void Loop_windows_carry_drift_per_feature_both_rmses_and_what_the_loop_did_oldest_first()
    {
        store.RecordWindow("green 2021-02", 0.4, new Dictionary<string, double> { ["trip_distance"] = 0.3 }, 5.1, 5.2, "Quiet");
        store.RecordWindow("green 2021-03", 2.0, new Dictionary<string, double> { ["trip_distance"] = 0.5, ["pickup_zone"] = 3.2 }, null, 6.4, "Retrain", "promoted v2: …", "taxi-duration/2 served");

        var loop = History().Loop();

        Assert.Equal(["green 2021-02", "green 2021-03"], loop.Windows.Select(window => window.Window));
        var shift = loop.Windows[1];
        Assert.Equal((2.0, (double?)null, (double?)6.4, "Retrain", "Drift"), (shift.DriftScore!.Value, shift.EstimatedRmse, shift.ActualRmse, shift.Action, shift.Trigger));
        Assert.Equal(3.2, shift.FeatureDrift["pickup_zone"]);
        Assert.Equal(["promoted v2: …", "taxi-duration/2 served"], shift.Events);
        Assert.Equal(5.1, loop.Windows[0].EstimatedRmse);
    }

    [Fact]
    public void A_store_with_no_model_and_no_loop_answers_empty_lists_not_errors()
    {
        var history = History();

        Assert.Empty(history.History().Aliases);
        Assert.Empty(history.History().Decisions);
        Assert.Empty(history.Loop().Windows);
    }

    public void Dispose() => store.Dispose();

    private StoreHistory History() => new(store.Store.Registry, store.Store.Tracker, Options.Create(new DashboardOptions()));
}
