using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace TaxiDuration.Tracking.Hosting.StoreCopy;

/// <summary>
/// Writes SQLite's values (64-bit integers, doubles, text) into a binary COPY as the PostgreSQL column declares them:
/// binary COPY takes no implicit casts, so an <c>integer</c> column must be sent an <c>int</c>, never a <c>long</c>.
/// </summary>
internal static class ValueConversion
{
    /// <summary>How a source query spells NaN, which SQLite cannot store as a REAL (it keeps NULL and a flag).</summary>
    public const string NotANumber = "NaN";

    /// <summary>The writer of a non-NULL value into a column of <paramref name="postgresType"/> (NULL is NULL whatever the type).</summary>
    public static Action<NpgsqlBinaryImporter, object> WriterFor(string postgresType) => postgresType switch
    {
        "bigint" => (importer, value) => importer.Write(Convert.ToInt64(value, CultureInfo.InvariantCulture), NpgsqlDbType.Bigint),
        // Checked: a value beyond int's range fails the copy instead of wrapping into a different number.
        "integer" => (importer, value) => importer.Write(Convert.ToInt32(value, CultureInfo.InvariantCulture), NpgsqlDbType.Integer),
        "double precision" => (importer, value) => importer.Write(
            value is string text ? double.Parse(text, CultureInfo.InvariantCulture) : Convert.ToDouble(value, CultureInfo.InvariantCulture),
            NpgsqlDbType.Double),
        "text" => (importer, value) => importer.Write((string)value, NpgsqlDbType.Text),
        _ => throw new NotSupportedException($"A tracking column of PostgreSQL type '{postgresType}' has no conversion from SQLite; add one to {nameof(ValueConversion)}."),
    };
}
