namespace TaxiDuration.Data.Reading;

/// <summary>
/// A TLC trip file that cannot be read as trip records: not Parquet, truncated, corrupt, or without a column
/// the template needs. The message starts with the file name and says what is wrong.
/// </summary>
/// <remarks>
/// An <see cref="IOException"/> (as a missing file is) because <see cref="InvalidDataException"/> is sealed:
/// <c>catch (IOException)</c> covers every reason a month cannot be read.
/// </remarks>
public sealed class TlcDataException : IOException
{
    public TlcDataException()
    {
    }

    public TlcDataException(string message)
        : base(message)
    {
    }

    public TlcDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="filePath"/>; the message is "file name: problem".</summary>
    public TlcDataException(string filePath, string problem, Exception? innerException = null)
        : base($"{Path.GetFileName(filePath)}: {problem}", innerException)
    {
        FilePath = filePath;
    }

    /// <summary>Full path of the offending file, when known.</summary>
    public string? FilePath { get; }
}
