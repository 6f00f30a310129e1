using TaxiDuration.Deployment.Gate;
using TaxiDuration.TestSupport;
using TaxiDuration.Tracking;

namespace TaxiDuration.Deployment.Tests.Release;

/// <summary>The gate on real months: both models trained on 2021-01 and validated on 2021-02, judged on 2021-03.</summary>
public sealed class RealDataGateTests
{
    [RealDataFact("2021-01", "2021-02", "2021-03")]
    public async Task LightGbm_beats_the_linear_champion_on_an_unseen_month_and_the_reverse_is_refused()
    {
        using var workspace = new ReleaseWorkspace(RealData.Directory);
        var (linear, lightGbm) = await workspace.LinearChampionAndLightGbmChallengerAsync(test: null);

        var forward = await workspace.JudgeAsync(lightGbm, "2021-03");
        var reverse = await workspace.JudgeAsync(linear, "2021-03", promote: false);

        Assert.True(forward.Decision.Verdict == GateVerdict.Promote, forward.Decision.Reason);
        Assert.True(forward.Decision.Rule(GateRuleNames.BootstrapLowerBound).Observed > 0);
        Assert.Equal(lightGbm, workspace.Champion());
        Assert.Equal(GateVerdict.KeepChampion, reverse.Decision.Verdict);
        Assert.False(reverse.Decision.Rule(GateRuleNames.RelativeImprovement).Passed);
        Assert.Equal(lightGbm, workspace.Champion());
        Assert.Equal(["Promote", "KeepChampion"], workspace.Registry.GetDecisions(ReleaseWorkspace.Model).Select(decision => decision.Verdict));
    }
}
