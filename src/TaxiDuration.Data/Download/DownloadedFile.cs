namespace TaxiDuration.Data.Download;

/// <summary>A month file that landed: where, from where, how big, and its SHA-256 (lower-case hex) as a data fingerprint.</summary>
public sealed record DownloadedFile(string Path, Uri Source, long Bytes, string Sha256);
