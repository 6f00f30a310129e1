using System.Text.Json;

namespace TaxiDuration.Monitoring.Tests.Statistics;

/// <summary>
/// scipy's and numpy's answers from Fixtures/statistics-fixtures.json (written by Fixtures/make_fixtures.py). Samples
/// are stored once by name; each case names its samples and carries the expected numbers. JSON has no ∞ or NaN, so
/// the script writes them as the strings "inf", "-inf" and "nan".
/// </summary>
internal static class Fixtures
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Statistics", "Fixtures", "statistics-fixtures.json"))));

    private static JsonElement Root => Document.Value.RootElement;

    /// <summary>The cases of one section, in file order.</summary>
    public static IReadOnlyList<JsonElement> Cases(string section) => [.. Root.GetProperty(section).EnumerateArray()];

    /// <summary>Theory data: the index of each case of a section (the case itself is looked up in the test).</summary>
    public static TheoryData<int> Indexes(string section)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Root.GetProperty(section).GetArrayLength(); i++)
        {
            data.Add(i);
        }

        return data;
    }

    public static JsonElement Case(string section, int index) => Root.GetProperty(section)[index];

    public static double[] Sample(string name) => Numbers(Root.GetProperty("samples").GetProperty(name));

    public static int[] IntSample(string name) =>
        [.. Root.GetProperty("samples").GetProperty(name).EnumerateArray().Select(element => element.GetInt32())];

    public static string Scipy => Root.GetProperty("generator").GetProperty("scipy").GetString()!;

    public static double[] Numbers(JsonElement array) => [.. array.EnumerateArray().Select(Number)];

    public static double Number(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String => element.GetString() switch
        {
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            "nan" => double.NaN,
            var other => throw new FormatException($"Unexpected number text '{other}' in the fixtures."),
        },
        _ => throw new FormatException($"Expected a number, got {element.ValueKind}."),
    };

    public static double Number(JsonElement element, string property) => Number(element.GetProperty(property));

    public static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
