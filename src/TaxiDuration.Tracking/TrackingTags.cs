namespace TaxiDuration.Tracking;

/// <summary>Tag keys the store writes itself; prefixed so they never collide with a caller's tags.</summary>
public static class TrackingTags
{
    /// <summary>Why a run ended <see cref="RunStatus.Failed"/> without its owner saying so.</summary>
    public const string FailureReason = "tracking.failure_reason";
}
