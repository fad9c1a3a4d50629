namespace Pipeline.Tool;

/// <summary>The tool's commands and the targets they run: <c>pipeline bump-gitops</c> is the build's <c>BumpGitOps</c>.</summary>
internal static class Commands
{
    public static readonly IReadOnlyList<(string Command, string Target, string Summary)> All =
    [
        ("promote", "Promote", "test, build every platform, pin the digest, promote it (the four below)"),
        ("test", "Test", "run the tests: --test-command, or the .NET solution's"),
        ("build-image", "BuildMultiArchImage", "build the image for every platform and push it"),
        ("merge-image", "MergeImage", "split builds: assemble the index from each platform's record"),
        ("capture-digest", "CaptureDigest", "read the index digest back from the registry, prove every platform"),
        ("bump-gitops", "BumpGitOps", "write the pinned image into the GitOps repository, per promotion.yaml"),
        ("apply-dispatch", "ApplyDispatch", "in the GitOps repository: apply a repository_dispatch promotion"),
        ("rehearse", "Rehearse", "all of promote against a local registry and GitHub, seeded from your GitOps files"),
        ("plan", "", "show what a command would run, and what it still needs: pipeline plan promote"),
    ];

    /// <summary>The target a command names, or null; build target names work too (<c>BumpGitOps</c>, <c>bumpgitops</c>).</summary>
    public static string? TargetOf(string command)
    {
        var known = All.FirstOrDefault(c => c.Target.Length > 0 && string.Equals(c.Command, command, StringComparison.OrdinalIgnoreCase));
        if (known.Target is not null)
        {
            return known.Target;
        }

        var plain = command.Replace("-", "", StringComparison.Ordinal);
        return All.Where(c => c.Target.Length > 0).Select(c => c.Target).FirstOrDefault(t => string.Equals(t, plain, StringComparison.OrdinalIgnoreCase));
    }
}
