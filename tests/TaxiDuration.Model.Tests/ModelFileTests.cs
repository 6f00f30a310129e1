using Microsoft.ML;
using TaxiDuration.Features;
using TaxiDuration.TestSupport;
using TaxiDuration.Training.Trainers;

namespace TaxiDuration.Model.Tests;

/// <summary>Loading model files and scoring batches, as serving, the gate and monitoring do.</summary>
public sealed class ModelFileTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    [Theory]
    [InlineData(TrainerNames.Linear)]
    [InlineData(TrainerNames.FastTree)]
    [InlineData(TrainerNames.LightGbm)]
    public void Batch_scoring_gives_exactly_what_one_engine_per_row_gives(string trainer)
    {
        var path = folder.File($"{trainer}.zip");
        TinyModels.Save(path, trainer, "v1");
        var ml = new MLContext(seed: 0);
        var loaded = ModelFile.Load(ml, path);
        var trips = TinyModels.Trips(500, seed: 9);

        var batch = BatchScorer.Predict(ml, loaded.Transformer, trips);

        using var engine = ml.Model.CreatePredictionEngine<TripExample, DurationPrediction>(loaded.Transformer, loaded.InputSchema);
        Assert.Equal(trips.Select(trip => engine.Predict(trip).Score), batch);
        Assert.True(batch.Distinct().Count() > 50, "the model should not predict a constant");
        Assert.Equal("v1", loaded.Metadata.Version);
    }

    [Fact]
    public void Scoring_nothing_returns_nothing()
    {
        var path = folder.File("linear.zip");
        TinyModels.Save(path, TrainerNames.Linear, "v1");
        var ml = new MLContext(seed: 0);

        Assert.Empty(BatchScorer.Predict(ml, ModelFile.Load(ml, path).Transformer, []));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var missing = folder.File("nothing-here.zip");

        var error = Assert.Throws<FileNotFoundException>(() => ModelFile.Load(new MLContext(), missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_that_is_not_a_model_file_is_refused_with_its_name()
    {
        var foreign = folder.File("foreign.zip");
        using (var zip = System.IO.Compression.ZipFile.Open(foreign, System.IO.Compression.ZipArchiveMode.Create))
        {
            zip.CreateEntry("readme.txt");
        }

        var error = Assert.Throws<InvalidDataException>(() => ModelFile.Load(new MLContext(), foreign));

        Assert.Contains(foreign, error.Message, StringComparison.Ordinal);
        Assert.Contains("metadata", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();
}
