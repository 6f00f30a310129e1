using System.CommandLine;
using System.CommandLine.Parsing;
using TaxiDuration.Data.Catalog;
using TaxiDuration.Trips;

namespace TaxiDuration.CommandLine;

/// <summary>Options several tools take, declared once so they read and validate the same everywhere.</summary>
public static class CommonOptions
{
    private const string None = "none";

    /// <summary>A month option (<c>2021-01</c> or <c>green 2021-01</c>); a value that is not a month is a usage error naming the option.</summary>
    public static Option<TaxiMonth> Month(string name, string description, string defaultMonth) => new(name)
    {
        Description = $"{description} (YYYY-MM, default {defaultMonth})",
        DefaultValueFactory = _ => TaxiMonth.Parse(defaultMonth),
        // The parser also runs when the option is absent (no tokens): that is where the default is applied.
        CustomParser = result => result.Tokens.Count == 0 ? TaxiMonth.Parse(defaultMonth) : ParseMonth(result, name),
    };

    /// <summary>
    /// Like <see cref="Month"/>, where the word <c>none</c> means "no month"; read it with <see cref="MonthOrNone"/>.
    /// (The value is kept as text: System.CommandLine cannot bind a parser's null to a nullable struct.)
    /// </summary>
    public static Option<string> OptionalMonth(string name, string description, string? defaultMonth)
    {
        var option = new Option<string>(name)
        {
            Description = $"{description} (YYYY-MM or none, default {defaultMonth ?? "none"})",
            DefaultValueFactory = _ => defaultMonth ?? None,
        };
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>();
            if (!text.Equals(None, StringComparison.OrdinalIgnoreCase) && !TaxiMonth.TryParse(text, out _))
            {
                result.AddError($"{name} '{text}' is not a month: use YYYY-MM (e.g. 2021-03), '<service> YYYY-MM', or 'none'.");
            }
        });
        return option;
    }

    /// <summary>The month an <see cref="OptionalMonth"/> option names, or null for <c>none</c>.</summary>
    public static TaxiMonth? MonthOrNone(string? text) =>
        text is null || text.Equals(None, StringComparison.OrdinalIgnoreCase) ? null : TaxiMonth.Parse(text);

    /// <summary>
    /// An absolute http(s) URL; with <paramref name="loopbackOnly"/>, only on this machine (where replays may send a
    /// month of traffic). Anything else is a usage error naming the option, before any work starts.
    /// </summary>
    public static Option<Uri?> Url(string name, string description, bool loopbackOnly = false) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && (!loopbackOnly || uri.IsLoopback))
            {
                return uri;
            }

            result.AddError(loopbackOnly
                ? $"{name} '{text}' must be an http URL on loopback (127.0.0.1 or localhost), e.g. http://127.0.0.1:8080."
                : $"{name} '{text}' must be an absolute http or https URL.");
            return null;
        },
    };

    /// <summary>A string option that accepts only <paramref name="choices"/>; anything else is a usage error listing them.</summary>
    public static Option<string> Choice(string name, string description, string defaultValue, IReadOnlyList<string> choices)
    {
        var option = new Option<string>(name)
        {
            Description = $"{description}: {string.Join(" | ", choices)} (default {defaultValue})",
            DefaultValueFactory = _ => defaultValue,
        };
        option.AcceptOnlyFromAmong([.. choices]);
        return option;
    }

    /// <summary><c>--allow-synthetic</c>: a missing month may be stood in for by generated data, said loudly.</summary>
    public static Option<bool> AllowSynthetic() => new("--allow-synthetic")
    {
        Description = "stand in SYNTHETIC months for months that cannot be had (off by default: fake data must be a deliberate choice)",
    };

    /// <summary><c>--offline</c>: never download a missing month.</summary>
    public static Option<bool> Offline() => new("--offline") { Description = "never download missing months" };

    /// <summary><c>--result</c>: where to write the run's <c>result.json</c> (read by the Cake build and the ladder).</summary>
    public static Option<string?> Result() => new("--result") { Description = "write the run's result.json to this path" };

    /// <summary>The configuration the data options mean, for <see cref="CommandLineHost.CreateBuilder"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> DataSettings(ParseResult parsed, Option<bool> allowSynthetic, Option<bool> offline)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        yield return new($"{MonthCatalogOptions.SectionName}:{nameof(MonthCatalogOptions.AllowSynthetic)}", parsed.GetValue(allowSynthetic).ToString());
        yield return new($"{MonthCatalogOptions.SectionName}:{nameof(MonthCatalogOptions.AllowDownload)}", (!parsed.GetValue(offline)).ToString());
    }

    private static TaxiMonth ParseMonth(ArgumentResult result, string name)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(token => token.Value));
        if (TaxiMonth.TryParse(text, out var month))
        {
            return month;
        }

        result.AddError($"{name} '{text}' is not a month: use YYYY-MM (e.g. 2021-01) or '<service> YYYY-MM' (e.g. 'green 2021-01').");
        return default;
    }
}
