using System.Text.Json;
using Pipeline.Containers;
using Pipeline.Promotion;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>
/// Proves what a rehearsal claims, from the outside: the GitOps files pin the digest (read with git from the
/// repository behind the local server), the registry's index has every platform, and the image for this machine
/// runs and reports the commit it was built from.
/// </summary>
internal sealed class RehearsalProof(IRehearse build, RehearsalEnvironment environment, PinnedImage pinned, PromotionReport report)
{
    public async Task<IReadOnlyList<string>> PinsAsync(CancellationToken cancellationToken)
    {
        var spec = PromotionSpec.Parse(await ShowAsync("main", PromotionSpec.DefaultFileName, cancellationToken).ConfigureAwait(false)
            ?? throw new BuildException($"{environment.GitOpsRepository} has no {PromotionSpec.DefaultFileName} on main."));
        var digest = pinned.Digest.ToString();
        var pins = new List<string>();
        foreach (var app in spec.AppsForImage(pinned.Reference))
        {
            foreach (var target in app.Environments)
            {
                var pullRequest = report.Results.FirstOrDefault(r => r.App == app.Name && r.Environment == target.Name)?.PullRequestBranch;
                foreach (var path in target.Paths)
                {
                    if ((await ShowAsync("main", path, cancellationToken).ConfigureAwait(false))?.Contains(digest, StringComparison.Ordinal) == true)
                        pins.Add($"{target.Name}: main:{path}");
                    else if (pullRequest != null && (await ShowAsync(pullRequest, path, cancellationToken).ConfigureAwait(false))?.Contains(digest, StringComparison.Ordinal) == true)
                        pins.Add($"{target.Name}: {pullRequest}:{path} (pull request not merged yet)");
                    else
                        throw new BuildException($"{path} of {app.Name}/{target.Name} does not pin {digest} on main of {environment.GitOpsRepository}.");
                }
            }
        }
        return pins;
    }

    public async Task<string> IndexAsync(CancellationToken cancellationToken)
    {
        using var registry = new RegistryClient();
        var manifest = await registry.GetManifestAsync(pinned.Reference, cancellationToken).ConfigureAwait(false);
        var listed = manifest.Index?.ImageEntries().Where(e => e.Platform is not null).Select(e => e.Platform!.ToPlatform().ToString()).ToList()
            ?? throw new BuildException($"{pinned.Reference} is not an image index in the registry.");
        var missing = build.Platforms.Where(p => !listed.Contains(p)).ToList();
        if (missing.Count > 0)
            throw new BuildException($"The index {pinned.Reference} lacks {string.Join(", ", missing)}; it lists {string.Join(", ", listed)}.");
        return $"{string.Join(", ", listed)} in {manifest.Digest}";
    }

    public async Task<string> RunImageAsync(CancellationToken cancellationToken)
    {
        var run = await ProcessRunner.RunAsync(new ProcessRequest("docker", ["run", "--rm", "--network", "none", pinned.Reference.ToString()]), cancellationToken).ConfigureAwait(false);
        var line = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        string? commit, arch;
        try
        {
            using var json = JsonDocument.Parse(line);
            commit = json.RootElement.GetProperty("commit").GetString();
            arch = json.RootElement.TryGetProperty("arch", out var a) ? a.GetString() : null;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new BuildException($"The image {pinned.Reference} ran but did not report its commit as JSON; it printed: {line}");
        }
        if (pinned.SourceCommit is { } expected && commit != expected)
            throw new BuildException($"The image {pinned.Reference} reports commit {commit}, but it was built from {expected}.");
        return $"docker run on this machine ({arch}): reports commit {commit}";
    }

    private async Task<string?> ShowAsync(string branch, string path, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(new ProcessRequest("git", ["--git-dir", environment.GitOpsBareRepository, "show", $"{branch}:{path}"])
            { ThrowOnFailure = false }, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0 ? result.StandardOutput : null;
    }
}
