namespace TaxiDuration.CommandLine;

/// <summary>A command's expected way to fail: one line for the person, and the exit code scripts act on.</summary>
public sealed class CommandFailedException : Exception
{
    public CommandFailedException(int exitCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}
