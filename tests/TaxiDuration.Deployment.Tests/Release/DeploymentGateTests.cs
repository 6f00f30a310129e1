using TaxiDuration.Deployment.Gate;
using TaxiDuration.Tracking;
using TaxiDuration.Training.Trainers;

namespace TaxiDuration.Deployment.Tests.Release;

/// <summary>The release step end to end on synthetic months: judge, record, promote with compare-and-set, roll back.</summary>
public sealed class DeploymentGateTests
{
    [Fact]
    public async Task A_better_challenger_is_promoted_recorded_and_reported_and_one_rollback_returns_the_old_champion()
    {
        using var workspace = new ReleaseWorkspace();
        var (linear, lightGbm) = await workspace.LinearChampionAndLightGbmChallengerAsync();

        var outcome = await workspace.JudgeAsync(lightGbm, "2021-04");

        Assert.True(outcome.Decision.Verdict == GateVerdict.Promote, outcome.Decision.ToMarkdown());
        Assert.True(outcome.Promoted);
        Assert.Equal(lightGbm, workspace.Champion());
        Assert.Equal(linear, workspace.Registry.GetModelVersionByAlias(ReleaseWorkspace.Model, RegistryAliases.PreviousChampion).Version);
        var recorded = Assert.Single(workspace.Registry.GetDecisions(ReleaseWorkspace.Model));
        Assert.Equal((lightGbm, linear, "green 2021-04", "Promote"), (recorded.CandidateVersion, recorded.ChampionVersion!.Value, recorded.Month, recorded.Verdict));
        Assert.Contains("\"verdict\":\"Promote\"", recorded.DetailsJson, StringComparison.Ordinal);
        Assert.Contains($"gate decision #{recorded.Sequence}", workspace.Registry.GetAliasHistory(ReleaseWorkspace.Model)[^2].Reason, StringComparison.Ordinal);
        var report = await File.ReadAllTextAsync(outcome.ReportPath);
        Assert.Contains(outcome.Decision.Reason, report, StringComparison.Ordinal);

        var restored = ChampionRollback.Run(workspace.Registry, ReleaseWorkspace.Model, "alert fired", "on-call");

        Assert.Equal(linear, restored.Version);
        Assert.Equal(linear, workspace.Champion());
        Assert.Equal(lightGbm, workspace.Registry.GetModelVersionByAlias(ReleaseWorkspace.Model, RegistryAliases.PreviousChampion).Version);
    }

    [Fact]
    public async Task Judging_without_promotion_records_the_decision_and_leaves_champion_alone()
    {
        using var workspace = new ReleaseWorkspace();
        var (linear, lightGbm) = await workspace.LinearChampionAndLightGbmChallengerAsync();

        var outcome = await workspace.JudgeAsync(lightGbm, "2021-04", promote: false);

        Assert.False(outcome.Promoted);
        Assert.Equal(linear, workspace.Champion());
        Assert.Single(workspace.Registry.GetDecisions(ReleaseWorkspace.Model));
    }

    [Fact]
    public async Task A_month_either_model_has_seen_is_refused_before_anything_is_recorded()
    {
        using var workspace = new ReleaseWorkspace();
        var (linear, lightGbm) = await workspace.LinearChampionAndLightGbmChallengerAsync();

        var seen = await Assert.ThrowsAsync<GateRefusedException>(() => workspace.JudgeAsync(lightGbm, "2021-02"));
        var alreadyChampion = await Assert.ThrowsAsync<GateRefusedException>(() => workspace.JudgeAsync(linear, "2021-04"));

        Assert.Contains("2021-02", seen.Message, StringComparison.Ordinal);
        Assert.Contains("later month", seen.Message, StringComparison.Ordinal);
        Assert.Contains("already the champion", alreadyChampion.Message, StringComparison.Ordinal);
        Assert.Empty(workspace.Registry.GetDecisions(ReleaseWorkspace.Model));
        Assert.Equal(linear, workspace.Champion());
        Assert.False(Directory.Exists(workspace.ReportFolder));
    }

    [Fact]
    public async Task A_promotion_that_raced_another_fails_keeps_the_rivals_champion_and_still_records_the_decision()
    {
        var rival = 0;
        using var workspace = new ReleaseWorkspace(wrapRegistry: registry => RacingRegistry.Around(registry, () => rival));
        var (linear, lightGbm) = await workspace.LinearChampionAndLightGbmChallengerAsync();
        rival = await workspace.TrainAsync(TrainerNames.Linear);
        Assert.NotEqual(linear, rival);

        var conflict = await Assert.ThrowsAsync<AliasConflictException>(() => workspace.JudgeAsync(lightGbm, "2021-04"));

        Assert.Equal(rival, conflict.Actual);
        Assert.Equal(rival, workspace.Champion());
        Assert.Equal("Promote", Assert.Single(workspace.Registry.GetDecisions(ReleaseWorkspace.Model)).Verdict);
    }
}
