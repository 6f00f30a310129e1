// Where things are. Cake starts in build/, so everything is anchored at the repository root instead.
public static class Paths
{
    public static DirectoryPath Root { get; private set; }
    public static FilePath Solution => Root.CombineWithFilePath("Template.sln");
    public static DirectoryPath Artifacts => Root.Combine("artifacts");
    public static DirectoryPath Data => Root.Combine("data");
    public static DirectoryPath SyntheticData => Data.Combine("synthetic");
    public static DirectoryPath BuildTools => Root.Combine("build");

    public static void Initialise(ICakeContext context)
    {
        Root = context.MakeAbsolute(context.Directory(".."));
        context.Environment.WorkingDirectory = Root;
    }
}

Paths.Initialise(Context);

var Configuration = Argument("configuration", "Release");
var TrainMonth = Argument("train-month", "2021-01");
var ValidationMonth = Argument("validation-month", "2021-02");

// Real data comes from TAXI_DATA_DIR; without it the tools download into data/, and only with --allow-synthetic
// write synthetic months into data/synthetic/. Every run says which one it used.
public static class DataSource
{
    public const string Variable = "TAXI_DATA_DIR";

    public static string RealDirectory =>
        System.Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder ? folder : null;

    public static string Describe() => RealDirectory is { } folder
        ? $"Data: REAL TLC months from {Variable}={folder}"
        : $"Data: {Variable} is not set: real months in {Paths.Data}, downloaded when missing (--allow-synthetic lets SYNTHETIC months in {Paths.SyntheticData} stand in)";
}
