using Microsoft.Extensions.Options;
using TaxiDuration.Deployment.Gate;
using TaxiDuration.Tracking;
using TaxiDuration.Training.Evaluation;
using TaxiDuration.Training.Preparation;

namespace TaxiDuration.Deployment;

/// <summary>
/// Level 3's release step: score the candidate and the champion on the same unseen labelled month (the same trips,
/// paired), let the <see cref="PromotionGate"/> decide, record the decision append-only beside the alias history,
/// write the Markdown report, and on a pass move champion (keeping the old one as previous-champion) with a
/// compare-and-set, so a promotion that raced another one fails instead of overwriting it.
/// </summary>
public sealed class DeploymentGate(MonthPreparation months, MonthScorer scorer, IModelRegistry registry, IOptions<GateOptions> options)
{
    /// <exception cref="GateRefusedException">The candidate is already champion, or a model has seen the month.</exception>
    /// <exception cref="KeyNotFoundException">The candidate does not exist.</exception>
    /// <exception cref="AliasConflictException">The champion moved while the gate ran; the decision is recorded, nothing was promoted.</exception>
    public async Task<GateOutcome> RunAsync(GateRequest request, string reportFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var modelName = request.Candidate.ModelName;
        var candidate = registry.Resolve(request.Candidate);
        var champion = registry.ChampionOrNull(modelName);
        var month = request.Month.ToString();
        if (champion?.Version == candidate.Version)
        {
            throw new GateRefusedException($"{candidate.Uri} is already the champion: there is nothing to decide.");
        }

        foreach (var model in new[] { candidate, champion }.OfType<ModelVersion>().Where(model => model.DataMonths.Contains(month, StringComparer.Ordinal)))
        {
            throw new GateRefusedException(
                $"{model.Uri} was trained, validated or tested on {month} ({string.Join(", ", model.DataMonths)}): the gate needs a labelled month neither model has seen. Choose a later month.");
        }

        var prepared = await months.PrepareAsync("gate", request.Month, cancellationToken);
        var challengerScores = scorer.Score(ModelUri.ForVersion(modelName, candidate.Version), prepared);
        var championScores = champion is null ? null : scorer.Score(ModelUri.ForVersion(modelName, champion.Version), prepared);
        var decision = new PromotionGate(options.Value).Evaluate(new PairedScores(
            month,
            new ScoredModel(candidate.Uri, challengerScores.SecondsPerRow),
            championScores is null ? null : new ScoredModel(champion!.Uri, championScores.SecondsPerRow),
            PairedMonth.Trips(prepared, challengerScores.Predicted, championScores?.Predicted)));

        var recorded = registry.RecordDecision(modelName, candidate.Version, champion?.Version, month, decision, request.Actor);
        var promoted = false;
        if (request.Promote && decision.Verdict == GateVerdict.Promote)
        {
            registry.PromoteOnDecision(recorded, "gate");
            promoted = true;
        }

        var report = Path.Combine(reportFolder, $"gate-{recorded.Sequence:0000}.md");
        Directory.CreateDirectory(reportFolder);
        await File.WriteAllTextAsync(report, GateMarkdown.Render(recorded, decision, promoted), cancellationToken);
        return new GateOutcome(decision, candidate, champion, recorded, promoted, report, prepared, challengerScores.SecondsPerRow, championScores?.SecondsPerRow);
    }
}
