using TaxiDuration.Tracking;
using TaxiDuration.Trips;

namespace TaxiDuration.Deployment;

/// <summary>What to judge: a registered candidate, on a labelled month, and whether a pass promotes it.</summary>
/// <param name="Candidate">An alias (<c>taxi-duration@challenger</c>) or a version (<c>taxi-duration/7</c>); resolved once, so the decision names the exact version.</param>
/// <param name="Month">A labelled month neither the candidate nor the champion was trained, validated or tested on.</param>
/// <param name="Promote">Move champion to the candidate when the gate passes (false: judge and record only).</param>
/// <param name="Actor">Who decided, for the audit trail ("gate", or the workflow's name).</param>
public sealed record GateRequest(ModelUri Candidate, TaxiMonth Month, bool Promote, string Actor = "gate");
