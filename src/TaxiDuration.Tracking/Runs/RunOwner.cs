namespace TaxiDuration.Tracking;

/// <summary>
/// The process that created a run. The start time is kept with the id because process ids are reused: a live
/// process with the same id but a different start time is not the owner.
/// </summary>
public sealed record RunOwner(string Host, int ProcessId, DateTimeOffset ProcessStartTime);
