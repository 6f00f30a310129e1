namespace TaxiDuration.ScaleBenchmark;

/// <summary>One stage at one size: wall seconds of the stage itself and the process's peak resident memory.</summary>
internal sealed record Measurement(string Stage, long Rows, double Seconds, long PeakBytes, string Note);
