using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TaxiDuration.Tracking;

/// <summary>
/// A reference to a model version: <c>taxi-duration/3</c> (exact version) or <c>taxi-duration@champion</c>
/// (whatever the alias points at now). MLflow's <c>models:/</c> prefix is accepted too.
/// </summary>
public sealed partial record ModelUri
{
    private const string Prefix = "models:/";

    private ModelUri(string modelName, int? version, string? alias)
    {
        ModelName = modelName;
        Version = version;
        Alias = alias;
    }

    public string ModelName { get; }

    /// <summary>Set for <c>name/N</c>.</summary>
    public int? Version { get; }

    /// <summary>Set for <c>name@alias</c>.</summary>
    public string? Alias { get; }

    public static ModelUri ForVersion(string modelName, int version) =>
        version >= 1 ? new(ValidModelName(modelName), version, null) : throw new ArgumentOutOfRangeException(nameof(version), version, "Model versions start at 1.");

    public static ModelUri ForAlias(string modelName, string alias) => new(ValidModelName(modelName), null, ValidAlias(alias));

    /// <exception cref="FormatException">The text is not <c>name/N</c> or <c>name@alias</c>; the message shows both forms.</exception>
    public static ModelUri Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var uri)
            ? uri
            : throw new FormatException($"'{text}' is not a model URI. Use '<model>/<version>' (e.g. taxi-duration/3) or '<model>@<alias>' (e.g. taxi-duration@champion); names use letters, digits, '.', '_' and '-'.");
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out ModelUri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var body = text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..] : text;
        var match = UriPattern().Match(body);
        if (!match.Success)
        {
            return false;
        }

        var name = match.Groups["name"].Value;
        if (match.Groups["version"].Success)
        {
            if (!int.TryParse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
            {
                return false;
            }

            uri = new ModelUri(name, version, null);
            return true;
        }

        var alias = match.Groups["alias"].Value;
        if (!IsValidAlias(alias))
        {
            return false;
        }

        uri = new ModelUri(name, null, alias);
        return true;
    }

    public override string ToString() => Alias is null ? $"{ModelName}/{Version}" : $"{ModelName}@{Alias}";

    public static string ValidModelName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return NamePattern().IsMatch(name)
            ? name
            : throw new ArgumentException($"Model name '{name}' is invalid: use letters, digits, '.', '_' and '-', starting with a letter or digit.", nameof(name));
    }

    public static string ValidAlias(string alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        return IsValidAlias(alias)
            ? alias
            : throw new ArgumentException($"Alias '{alias}' is invalid: use lower-case letters, digits, '_' and '-', starting with a letter; 'latest' and 'v<number>' are reserved because they read like versions.", nameof(alias));
    }

    // "v3" or "latest" as an alias would read as a version reference and mislead whoever resolves it.
    private static bool IsValidAlias(string alias) => AliasPattern().IsMatch(alias) && alias != "latest" && !ReservedVersionAlias().IsMatch(alias);

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?:/(?<version>[0-9]+)|@(?<alias>[^/@]+))$")]
    private static partial Regex UriPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[a-z][a-z0-9_-]*$")]
    private static partial Regex AliasPattern();

    [GeneratedRegex(@"^v[0-9]+$")]
    private static partial Regex ReservedVersionAlias();
}
