namespace TaxiDuration.Tracking.Hosting.StoreCopy;

/// <summary>
/// The copy was refused before anything was committed (the target holds data, or artifact files are missing); the
/// message says why and what to do. An <see cref="IOException"/> like the stores' own "cannot be used as asked".
/// </summary>
public sealed class StoreCopyRefusedException(string message) : IOException(message);
