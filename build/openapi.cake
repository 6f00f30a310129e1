// The OpenAPI documents of the level services. Building levels/levelN/Api writes the document that service serves
// into its obj/openapi/Api.json (levels/Directory.Build.props); CheckOpenApi holds each one to its committed copy in
// docs/openapi/, so a changed endpoint, schema or description fails CI until the copy changes with it in the same
// commit. Levels 1 and 2 serve the same prediction API (level 2 only changes where the model comes from), so both
// are held to one copy. UpdateOpenApi rewrites the copies from a build.

using System.Text.Json.Nodes;

// Only the services this repository has: a fork of one level (templates/) keeps its own.
(int Level, string Committed)[] OpenApiDocuments => new[]
    {
        (1, "prediction-api.v1.json"),
        (2, "prediction-api.v1.json"),
        (3, "level3-api.v1.json"),
    }
    .Where(document => FileExists(Paths.Root.CombineWithFilePath($"levels/level{document.Item1}/Api/Api.csproj")))
    .ToArray();

Task("CheckOpenApi")
    .Description("Fails when a committed docs/openapi/ document differs from the one its service's build generates (CI).")
    .IsDependentOn("Build")
    .Does(CheckOpenApiDocuments);

Task("UpdateOpenApi")
    .Description("Copies the OpenAPI documents the level services generate at build into docs/openapi/.")
    .IsDependentOn("Build")
    .Does(() =>
{
    // The first level that serves a document writes it; CheckOpenApi then says whether the others still agree.
    foreach (var group in OpenApiDocuments.GroupBy(document => document.Committed))
    {
        var level = group.First().Level;
        var text = System.IO.File.ReadAllText(GeneratedOpenApiDocument(level).FullPath).TrimEnd() + "\n";
        System.IO.File.WriteAllText(CommittedOpenApiDocument(group.Key).FullPath, text);
        Information($"docs/openapi/{group.Key} ← levels/level{level}/Api");
    }

    CheckOpenApiDocuments();
});

void CheckOpenApiDocuments()
{
    var drifted = OpenApiDocuments.Where(document => !OpenApiDocumentMatches(document.Level, document.Committed)).ToArray();
    foreach (var (level, committed) in drifted)
    {
        Error($"docs/openapi/{committed} differs from the document levels/level{level}/Api generates at build ({GeneratedOpenApiDocument(level)}).");
    }

    if (drifted.Length > 0)
    {
        throw new CakeException("The committed OpenAPI documents do not describe the code: run ./build.sh --target=UpdateOpenApi, review the change in docs/openapi/ and commit it.");
    }

    Information($"OpenAPI: docs/openapi/ matches what levels {string.Join(", ", OpenApiDocuments.Select(document => document.Level))} generate at build.");
}

FilePath GeneratedOpenApiDocument(int level) => Paths.Root.CombineWithFilePath($"levels/level{level}/Api/obj/openapi/Api.json");

FilePath CommittedOpenApiDocument(string name) => Paths.Root.CombineWithFilePath($"docs/openapi/{name}");

// Equal as JSON, not as text: the committed copy may end in a newline the generator does not write.
bool OpenApiDocumentMatches(int level, string committed)
{
    var generated = GeneratedOpenApiDocument(level);
    if (!FileExists(generated))
    {
        throw new CakeException($"{generated} is missing: building levels/level{level}/Api writes it (Microsoft.Extensions.ApiDescription.Server).");
    }

    var copy = CommittedOpenApiDocument(committed);
    return FileExists(copy) && JsonNode.DeepEquals(
        JsonNode.Parse(System.IO.File.ReadAllText(generated.FullPath)),
        JsonNode.Parse(System.IO.File.ReadAllText(copy.FullPath)));
}
