using Parquet;
using Parquet.Schema;

namespace TaxiDuration.PredictionLog;

/// <summary>Ground truth arriving after the fact: a trip's key and how long it really took.</summary>
public sealed record TripLabel(string TripKey, float ActualMinutes);

/// <summary>Label files (Parquet: <c>trip_key</c>, <c>actual_minutes</c>), joined to the prediction log on <c>trip_key</c>.</summary>
public static class LabelFiles
{
    private static readonly DataField TripKey = new DataField<string>("trip_key", nullable: false);
    private static readonly DataField ActualMinutes = new DataField<float>("actual_minutes");
    private static readonly ParquetSchema Schema = new(TripKey, ActualMinutes);

    public static async Task WriteAsync(string path, IReadOnlyList<TripLabel> labels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await using var writer = await ParquetWriter.CreateAsync(Schema, stream, cancellationToken: cancellationToken);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(TripKey, labels.Select(label => label.TripKey).ToArray());
            await group.WriteAsync(ActualMinutes, (ReadOnlyMemory<float>)labels.Select(label => label.ActualMinutes).ToArray(), cancellationToken: cancellationToken);
            group.CompleteValidate();
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Every label in <paramref name="paths"/>; a key labelled twice keeps its last value.</summary>
    public static async Task<IReadOnlyDictionary<string, float>> ReadAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var labels = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            await using var stream = File.OpenRead(path);
            await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken);
            for (var index = 0; index < reader.RowGroupCount; index++)
            {
                using var group = reader.OpenRowGroupReader(index);
                var rows = checked((int)group.RowCount);
                var keys = new string?[rows];
                var minutes = new float[rows];
                await group.ReadAsync(TripKey, keys.AsMemory(), null, cancellationToken);
                await group.ReadAsync(ActualMinutes, minutes.AsMemory(), null, cancellationToken);
                for (var row = 0; row < rows; row++)
                {
                    labels[keys[row]!] = minutes[row];
                }
            }
        }

        return labels;
    }
}
