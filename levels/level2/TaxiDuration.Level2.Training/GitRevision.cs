namespace TaxiDuration.Level2.Training;

/// <summary>
/// The commit a run's code came from, for lineage: <c>GITHUB_SHA</c> in Actions, else read from <c>.git</c>
/// (no git executable needed, so it works in slim containers too). Null when neither is there.
/// </summary>
internal static class GitRevision
{
    public static string? Read(string startDirectory)
    {
        if (Environment.GetEnvironmentVariable("GITHUB_SHA") is { Length: > 0 } fromActions)
        {
            return fromActions;
        }

        for (var folder = new DirectoryInfo(startDirectory); folder is not null; folder = folder.Parent)
        {
            var git = Path.Combine(folder.FullName, ".git");
            if (File.Exists(Path.Combine(git, "HEAD")))
            {
                return Resolve(git, File.ReadAllText(Path.Combine(git, "HEAD")).Trim());
            }
        }

        return null;
    }

    private static string? Resolve(string git, string head)
    {
        if (!head.StartsWith("ref: ", StringComparison.Ordinal))
        {
            return head;
        }

        var reference = head["ref: ".Length..];
        var loose = Path.Combine(git, reference);
        if (File.Exists(loose))
        {
            return File.ReadAllText(loose).Trim();
        }

        var packed = Path.Combine(git, "packed-refs");
        return File.Exists(packed)
            ? File.ReadLines(packed).Select(line => line.Split(' ')).FirstOrDefault(parts => parts.Length == 2 && parts[1] == reference)?[0]
            : null;
    }
}
