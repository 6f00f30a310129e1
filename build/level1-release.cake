// The level-1 release ships the model a person trained and judged, never one retrained at release time (that would
// be level 2's automation). Two steps, two people or one:
//   StageRelease  on the machine where the model was trained: a draft GitHub release of --release-tag holding the
//                 model, its checksum and its metrics (gh release create --draft). Without gh it prints the command.
//   Release       what publishing that draft runs (level1-release.yml): the tests, the attached model downloaded and
//                 checked (checksum, real data), the service published and smoke-tested with it, then the image
//                 pushed to GHCR and the release notes naming it. Outside GitHub Actions it uses --model (default
//                 artifacts/level1/model.zip) and prints the docker and gh commands instead of running them.
using System.Text.Json;

var ReleaseTag = Argument("release-tag", EnvironmentVariable("GITHUB_REF_NAME") ?? "v0.0.0-local");
var ReleaseModel = Argument("model", Paths.Artifacts.Combine("level1").CombineWithFilePath("model.zip").FullPath);

// The files a level-1 model ships as: the model, its checksum (the service refuses a model that changed) and the
// metrics the training CLI wrote beside it.
public sealed record ShippedModel(FilePath Model)
{
    public FilePath Checksum => new FilePath(Model.FullPath + ".sha256");
    public FilePath Metrics => Model.ChangeExtension(".metrics.json");
    public IEnumerable<FilePath> Files => new[] { Model, Checksum, Metrics };
}

// What the metrics file says about the model (ManualTrainingMetrics in the training library writes it).
public sealed record ShippedModelFacts(string Version, string Trainer, string TrainMonth, string ValidationMonth, string DataOrigin, double Rmse, long TrainRows, long ValidationRows)
{
    public bool IsSynthetic => DataOrigin.Equals("Synthetic", StringComparison.OrdinalIgnoreCase);

    public static ShippedModelFacts Read(FilePath metrics)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(metrics.FullPath));
        var root = document.RootElement;
        return new ShippedModelFacts(
            root.GetProperty("version").GetString(), root.GetProperty("trainer").GetString(),
            root.GetProperty("trainMonth").GetString(), root.GetProperty("validationMonth").GetString(),
            root.GetProperty("dataOrigin").GetString(), root.GetProperty("validation").GetProperty("rmse").GetDouble(),
            root.GetProperty("rows").GetProperty("train").GetInt64(), root.GetProperty("rows").GetProperty("validation").GetInt64());
    }
}

// The model's three files must be there, and a released model must come from real data (--allow-synthetic only
// rehearses a release offline).
ShippedModelFacts CheckShippedModel(ShippedModel shipped)
{
    var missing = shipped.Files.Where(file => !FileExists(file)).ToArray();
    if (missing.Length > 0)
    {
        throw new CakeException($"The release needs {string.Join(", ", missing.Select(file => file.GetFilename()))} beside the model: train it with ./build.sh --target=Level1 (or the level-1 CLI), then stage it with --target=StageRelease.");
    }

    var facts = ShippedModelFacts.Read(shipped.Metrics);
    if (facts.IsSynthetic && !HasArgument("allow-synthetic"))
    {
        throw new CakeException($"{shipped.Model} was trained on SYNTHETIC data: a release ships a model of real trips (--allow-synthetic rehearses one).");
    }

    Information(FormattableString.Invariant($"Shipping {facts.Trainer} {facts.Version}: validation RMSE {facts.Rmse:0.0000}, trained {facts.TrainMonth} / validated {facts.ValidationMonth} ({facts.TrainRows:N0} / {facts.ValidationRows:N0} rows, {facts.DataOrigin})."));
    return facts;
}

// In GitHub Actions the release's commands run; elsewhere they are printed, so a rehearsal changes nothing remote.
void RunOrShow(string tool, ProcessArgumentBuilder arguments)
{
    if (OnGitHubActions || (tool == "gh" && HasArgument("publish")))
    {
        Run(tool, arguments);
    }
    else
    {
        Information($"Would run: {tool} {arguments.Render()}");
    }
}

Task("StageRelease")
    .Description("Level 1: a draft GitHub release of --release-tag=vX holding the model you trained [--model=artifacts/level1/model.zip]; publishing the draft ships it. Prints the gh command unless --publish.")
    .Does(() =>
{
    var shipped = new ShippedModel(ReleaseModel);
    var facts = CheckShippedModel(shipped);
    var arguments = new ProcessArgumentBuilder().Append("release").Append("create").Append(ReleaseTag).Append("--draft")
        .Append("--title").AppendQuoted($"{ReleaseTag}: level 1 service and model {facts.Version}")
        .Append("--notes").AppendQuoted(FormattableString.Invariant($"Model {facts.Trainer} {facts.Version}, validation RMSE {facts.Rmse:0.0000} minutes. Publishing this release builds, tests and pushes the service image with it."));
    foreach (var file in shipped.Files)
    {
        arguments.AppendQuoted(file.FullPath);
    }

    RunOrShow("gh", arguments);
});

Task("Release")
    .Description("Level 1, on a published release (level1-release.yml): tests, the release's model checked, served and smoke-tested, the image pushed to GHCR, the notes written.")
    .IsDependentOn("Test")
    .Does(() =>
{
    var folder = Paths.Artifacts.Combine("release");
    CleanDirectory(folder);
    var shipped = new ShippedModel(OnGitHubActions ? folder.CombineWithFilePath("model.zip") : ReleaseModel);
    if (OnGitHubActions)
    {
        // The model the person staged, exactly: the service checks it against its checksum when it loads it.
        Run("gh", new ProcessArgumentBuilder().Append("release").Append("download").Append(ReleaseTag)
            .Append("--pattern").AppendQuoted("model.*").Append("--dir").AppendQuoted(folder.FullPath));
    }

    var facts = CheckShippedModel(shipped);
    PublishAndSmokeTestLevel1(folder.Combine("publish"), shipped.Model, facts.Version);

    var repository = (EnvironmentVariable("GITHUB_REPOSITORY") ?? "OWNER/REPO").ToLowerInvariant(); // GHCR names are lower case
    var image = $"ghcr.io/{repository}:{ReleaseTag}";
    var notes = folder.CombineWithFilePath("release-notes.md");
    System.IO.File.WriteAllText(notes.FullPath, FormattableString.Invariant($"""
        Level 1 service image `{image}` and the model it was tested with (attached).

        - model: {facts.Trainer}, version `{facts.Version}`
        - trained on {facts.TrainMonth}, validated on {facts.ValidationMonth}: {facts.TrainRows:N0} / {facts.ValidationRows:N0} rows, data {facts.DataOrigin}
        - validation RMSE {facts.Rmse:0.0000} minutes

        Run: `docker run -p 8080:8080 -v "$PWD/models:/models:ro" {image}` with `model.zip` and `model.zip.sha256` in `./models`.
        """));
    AddToJobSummary(System.IO.File.ReadAllText(notes.FullPath));

    RunOrShow("docker", new ProcessArgumentBuilder().Append("build").Append("--build-arg").Append("LEVEL=1")
        .Append("--build-arg").AppendQuoted($"VERSION={ReleaseTag}").Append("--build-arg").AppendQuoted($"REVISION={GitRevision()}")
        .Append("--build-arg").AppendQuoted($"SOURCE={EnvironmentVariable("GITHUB_SERVER_URL") ?? "https://github.com"}/{EnvironmentVariable("GITHUB_REPOSITORY") ?? "OWNER/REPO"}")
        .Append("-t").Append(image).Append("."));
    RunOrShow("docker", new ProcessArgumentBuilder().Append("push").Append(image));
    RunOrShow("gh", new ProcessArgumentBuilder().Append("release").Append("edit").Append(ReleaseTag).Append("--notes-file").AppendQuoted(notes.FullPath));
});

// The commit being released, for the image's OCI revision label.
string GitRevision() =>
    EnvironmentVariable("GITHUB_SHA")
    ?? Run("git", new ProcessArgumentBuilder().Append("rev-parse").Append("HEAD"), captureOutput: true, allowFailure: true).Output.FirstOrDefault()
    ?? "unknown";
