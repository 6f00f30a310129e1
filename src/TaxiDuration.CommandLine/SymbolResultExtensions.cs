using System.CommandLine;
using System.CommandLine.Parsing;

namespace TaxiDuration.CommandLine;

/// <summary>Reading option values inside validators, where System.CommandLine has not applied defaults yet.</summary>
public static class SymbolResultExtensions
{
    /// <summary>The option's value as given, or its default when it was not given (validators see default(T) otherwise).</summary>
    /// <exception cref="InvalidOperationException">The given value did not parse (its own error is reported already).</exception>
    public static T ValueOf<T>(this SymbolResult result, Option<T> option)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(option);
        return result.GetResult(option) is { Implicit: false } ? result.GetValue(option)! : (T)option.GetDefaultValue()!;
    }

    /// <summary>As <see cref="ValueOf"/>, false when the given value did not parse: a cross-option check then has nothing to add.</summary>
    public static bool TryValueOf<T>(this SymbolResult result, Option<T> option, out T value)
    {
        try
        {
            value = result.ValueOf(option);
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }
}
