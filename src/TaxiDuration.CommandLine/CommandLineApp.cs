using System.CommandLine;
using Microsoft.Extensions.Options;

namespace TaxiDuration.CommandLine;

/// <summary>Parses, validates, then runs: a wrong command line is reported before any store or file is touched.</summary>
public static class CommandLineApp
{
    /// <summary>
    /// Runs <paramref name="root"/> on <paramref name="args"/>. Every parse or validation error is printed on
    /// standard error, one line each, and the exit code is <see cref="ExitCodes.Usage"/>. A failure of the
    /// environment (a missing or unreadable file, an invalid store, invalid configuration) is one line naming it,
    /// exit code <see cref="ExitCodes.Failed"/>, not a stack trace; anything else is a bug and crashes loudly.
    /// </summary>
    public static async Task<int> RunAsync(RootCommand root, IReadOnlyList<string> args, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        error ??= Console.Error;
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync($"error: {Describe(problem)}");
            }

            await error.WriteLineAsync($"Run '{root.Name} --help' for the options and their values.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CommandFailedException failed)
        {
            await error.WriteLineAsync($"error: {failed.Message}");
            return failed.ExitCode;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or InvalidDataException or OptionsValidationException or TimeoutException)
        {
            await error.WriteLineAsync($"error: {failure.Message}");
            return ExitCodes.Failed;
        }
    }

    // System.CommandLine says "Argument 'xgb' not recognized. Must be one of: …" without saying for which option.
    private static string Describe(System.CommandLine.Parsing.ParseError problem)
    {
        var option = problem.SymbolResult switch
        {
            System.CommandLine.Parsing.OptionResult result => result.Option.Name,
            System.CommandLine.Parsing.ArgumentResult { Parent: System.CommandLine.Parsing.OptionResult result } => result.Option.Name,
            _ => null,
        };
        return option is null || problem.Message.Contains(option, StringComparison.Ordinal) ? problem.Message : $"{option}: {problem.Message}";
    }
}
