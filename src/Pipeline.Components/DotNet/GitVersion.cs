using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>Reads versions and commits from the repository the build runs in.</summary>
internal static class GitVersion
{
    /// <summary>The highest <c>v*</c> tag on HEAD (by version, so v1.10.0 beats v1.9.0) without its <c>v</c>, or null.</summary>
    public static async Task<string?> FromTagAsync(AbsolutePath root, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(new ProcessRequest("git", ["tag", "--points-at", "HEAD", "--list", "v*", "--sort=-version:refname"])
        { WorkingDirectory = root, ThrowOnFailure = false }, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0
            ? result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => t[1..]).FirstOrDefault()
            : null;
    }
}
