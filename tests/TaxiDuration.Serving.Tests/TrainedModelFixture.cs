namespace TaxiDuration.Serving.Tests;

/// <summary>One trained model file shared by the tests (training is the slow part); each test still gets its own host.</summary>
public sealed class TrainedModelFixture : IDisposable
{
    public TrainedModelFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("serving-tests-").FullName;
        ModelPath = Path.Combine(Directory, "model.zip");
        TestModel.Train(ModelPath);
    }

    public string Directory { get; }

    public string ModelPath { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class TrainedModelCollection : ICollectionFixture<TrainedModelFixture>
{
    public const string Name = "trained model";
}
