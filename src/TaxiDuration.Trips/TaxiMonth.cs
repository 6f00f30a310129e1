using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace TaxiDuration.Trips;

/// <summary>The TLC taxi services whose trip records the template can read.</summary>
public enum TaxiService
{
    /// <summary>Green ("boro") taxis: <c>green_tripdata_YYYY-MM.parquet</c>, <c>lpep_*</c> timestamps.</summary>
    Green,

    /// <summary>Yellow (medallion) taxis: <c>yellow_tripdata_YYYY-MM.parquet</c>, <c>tpep_*</c> timestamps.</summary>
    Yellow,
}

/// <summary>
/// One month of one TLC service, the unit the TLC publishes files in. Text form "green 2021-01"; a bare
/// "2021-01" means green, the template's default service.
/// </summary>
public readonly record struct TaxiMonth
{
    /// <summary>Creates a month; <paramref name="month"/> must be 1–12 and <paramref name="year"/> 2000–9999.</summary>
    public TaxiMonth(TaxiService service, int year, int month)
    {
        if (!Enum.IsDefined(service))
        {
            throw new ArgumentOutOfRangeException(nameof(service), service, "unknown taxi service");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Service = service;
        Year = year;
        Month = month;
    }

    public TaxiService Service { get; }

    public int Year { get; }

    public int Month { get; }

    /// <summary>The TLC file name, e.g. <c>green_tripdata_2021-01.parquet</c>.</summary>
    public string FileName => $"{ServiceName}_tripdata_{YearMonth}.parquet";

    /// <summary>"2021-01".</summary>
    public string YearMonth => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    /// <summary>First instant of the month (naive local time, like the TLC timestamps).</summary>
    public DateTime Start => new(Year, Month, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>First instant of the next month (exclusive end).</summary>
    public DateTime End => Start.AddMonths(1);

    private string ServiceName => Service == TaxiService.Yellow ? "yellow" : "green";

    /// <summary>The following month of the same service.</summary>
    public TaxiMonth Next() => Month == 12 ? new(Service, Year + 1, 1) : new(Service, Year, Month + 1);

    /// <summary>Whether <paramref name="time"/> falls in this month.</summary>
    public bool Contains(DateTime time) => time >= Start && time < End;

    /// <summary>"green 2021-01".</summary>
    public override string ToString() => $"{ServiceName} {YearMonth}";

    /// <summary>Parses "green 2021-01", "yellow 2023-03" or "2021-01" (green).</summary>
    /// <exception cref="FormatException">The text is not a month; the message quotes it.</exception>
    public static TaxiMonth Parse(string text) =>
        TryParse(text, out var month)
            ? month
            : throw new FormatException($"'{text}' is not a taxi month: expected 'YYYY-MM', 'green YYYY-MM' or 'yellow YYYY-MM'.");

    /// <summary>Reads the month from a TLC file name such as <c>green_tripdata_2021-01.parquet</c> (a path is fine too).</summary>
    public static bool TryParseFileName([NotNullWhen(true)] string? fileName, out TaxiMonth month)
    {
        month = default;
        const string Marker = "_tripdata_";
        var name = Path.GetFileNameWithoutExtension(fileName);
        var at = name?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        return at > 0 && TryParse($"{name![..at]} {name[(at + Marker.Length)..]}", out month);
    }

    /// <summary>Like <see cref="Parse"/>, without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TaxiMonth month)
    {
        month = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        TaxiService service;
        string yearMonth;
        switch (parts.Length)
        {
            case 1:
                service = TaxiService.Green;
                yearMonth = parts[0];
                break;
            case 2 when parts[0].Equals("green", StringComparison.OrdinalIgnoreCase):
                service = TaxiService.Green;
                yearMonth = parts[1];
                break;
            case 2 when parts[0].Equals("yellow", StringComparison.OrdinalIgnoreCase):
                service = TaxiService.Yellow;
                yearMonth = parts[1];
                break;
            default:
                return false;
        }

        if (yearMonth.Length != 7 || yearMonth[4] != '-'
            || !int.TryParse(yearMonth.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(yearMonth.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var monthNumber)
            || year < 2000 || monthNumber is < 1 or > 12)
        {
            return false;
        }

        month = new TaxiMonth(service, year, monthNumber);
        return true;
    }
}
