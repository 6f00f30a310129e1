using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace TaxiDuration.Model;

/// <summary>A model file loaded back: the ML.NET transformer, the input schema it was saved with, and its metadata.</summary>
public sealed record LoadedModel(ITransformer Transformer, DataViewSchema InputSchema, ModelMetadata Metadata);

/// <summary>
/// Saves and loads models as one file: ML.NET's own zip (transformer + input schema) with the metadata as one
/// more entry, so a model and its description can never be separated or mismatched.
/// </summary>
public static class ModelFile
{
    private const string MetadataEntry = "taxi-duration/metadata.json";
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes the model atomically: a reader never sees a half-written file at <paramref name="path"/>.</summary>
    public static void Save(MLContext ml, ITransformer model, DataViewSchema inputSchema, ModelMetadata metadata, string path)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(metadata);
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var temporary = fullPath + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            ml.Model.Save(model, inputSchema, temporary);
            using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Update))
            {
                var entry = zip.CreateEntry(MetadataEntry, CompressionLevel.Optimal);
                using var stream = entry.Open();
                JsonSerializer.Serialize(stream, metadata, JsonOptions);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Loads a model file; a missing, corrupt or foreign file fails with a message naming the file.</summary>
    /// <exception cref="InvalidDataException">The file is not a template model file.</exception>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    public static LoadedModel Load(MLContext ml, string path)
    {
        ArgumentNullException.ThrowIfNull(ml);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Model file '{path}' does not exist.", path);
        }

        try
        {
            var metadata = ReadMetadata(path);
            RegisterTreeModels(ml);
            var transformer = ml.Model.Load(path, out var inputSchema);
            return new LoadedModel(transformer, inputSchema, metadata);
        }
        catch (Exception error) when (error is InvalidDataException or JsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"Model file '{path}' is not a valid taxi-duration model: {error.Message}", error);
        }
    }

    // ML.NET finds a saved model's loader among the assemblies registered with the context. A host that only
    // scores never touches a trainer type, so the tree models' assemblies would not be registered by themselves.
    private static void RegisterTreeModels(MLContext ml)
    {
        ml.ComponentCatalog.RegisterAssembly(typeof(FastTreeRegressionModelParameters).Assembly);
        ml.ComponentCatalog.RegisterAssembly(typeof(LightGbmRegressionModelParameters).Assembly);
    }

    /// <summary>Reads only the metadata, without deserializing the model (cheap: for listings and registries).</summary>
    public static ModelMetadata ReadMetadata(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.GetEntry(MetadataEntry)
            ?? throw new InvalidDataException($"Model file '{path}' has no {MetadataEntry} entry; it was not written by ModelFile.Save.");
        using var stream = entry.Open();
        return JsonSerializer.Deserialize<ModelMetadata>(stream, JsonOptions)
            ?? throw new InvalidDataException($"Model file '{path}' has empty metadata.");
    }
}
