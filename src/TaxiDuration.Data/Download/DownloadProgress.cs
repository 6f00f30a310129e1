namespace TaxiDuration.Data.Download;

/// <summary>How far a download has come; <paramref name="TotalBytes"/> is null when the server did not say.</summary>
public readonly record struct DownloadProgress(long BytesReceived, long? TotalBytes);
