namespace TaxiDuration.CommandLine;

/// <summary>One exit-code convention for every tool of the template, so scripts and the Cake build can tell failures apart.</summary>
public static class ExitCodes
{
    /// <summary>The work was done.</summary>
    public const int Success = 0;

    /// <summary>The work ran and failed (a month failed validation, a run failed); the output says why.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong: nothing was read or written. The output names the option, the value and the choices.</summary>
    public const int Usage = 2;

    /// <summary>A month the work needs could not be had (not on disk, not downloadable, synthetic not allowed).</summary>
    public const int DataUnavailable = 3;
}
