using Pipeline.Containers;
using Pipeline.Promotion;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>
/// Proves what a rehearsal claims, from the outside: the GitOps files pin the digest (read with git from the
/// repository behind the local server), and the registry's index has every platform and names the commit the image
/// was built from. Running the image is asked for separately (<see cref="RehearsalImageRun"/>).
/// </summary>
internal sealed class RehearsalProof(IRehearse build, RehearsalEnvironment environment, PinnedImage pinned, PromotionReport report, string branch, string? specFile)
{
    public async Task<IReadOnlyList<string>> PinsAsync(CancellationToken cancellationToken)
    {
        var spec = specFile is not null
            ? PromotionSpec.Load(specFile)
            : PromotionSpec.Parse(await ShowAsync(branch, PromotionSpec.DefaultFileName, cancellationToken).ConfigureAwait(false)
                ?? throw new BuildException($"{environment.GitOpsRepository} has no {PromotionSpec.DefaultFileName} on {branch}."));
        var digest = pinned.Digest.ToString();
        var pins = new List<string>();
        var promoted = report.Results.Where(r => r.Status != PromotionStatus.NotRouted).Select(r => (r.App, r.Environment)).ToHashSet();
        foreach (var app in spec.AppsForImage(pinned.Reference))
        {
            foreach (var target in app.Environments.Where(e => promoted.Contains((app.Name, e.Name))))
            {
                var pullRequest = report.Results.FirstOrDefault(r => r.App == app.Name && r.Environment == target.Name)?.PullRequestBranch;
                foreach (var path in target.Paths)
                {
                    if ((await ShowAsync(branch, path, cancellationToken).ConfigureAwait(false))?.Contains(digest, StringComparison.Ordinal) == true)
                    {
                        pins.Add($"{target.Name}: {branch}:{path}");
                    }
                    else if (pullRequest != null && (await ShowAsync(pullRequest, path, cancellationToken).ConfigureAwait(false))?.Contains(digest, StringComparison.Ordinal) == true)
                    {
                        pins.Add($"{target.Name}: {pullRequest}:{path} (pull request not merged yet)");
                    }
                    else
                    {
                        throw new BuildException($"{path} of {app.Name}/{target.Name} does not pin {digest} on {branch} of {environment.GitOpsRepository}.");
                    }
                }
            }
        }
        if (pins.Count == 0)
        {
            throw new BuildException($"No file of {environment.GitOpsRepository} pins {pinned.Reference}: no environment of the spec was promoted.");
        }

        return pins;
    }

    /// <summary>The index in the registry: every platform built, and the commit the build stamped on it.</summary>
    public async Task<string> IndexAsync(CancellationToken cancellationToken)
    {
        using var registry = new RegistryClient();
        var manifest = await registry.GetManifestAsync(pinned.Reference, cancellationToken).ConfigureAwait(false);
        if (manifest.Digest != pinned.Digest)
        {
            throw new BuildException($"The registry serves {manifest.Digest} for {pinned.Reference}, not the pinned digest.");
        }

        var listed = manifest.Index?.ImageEntries().Where(e => e.Platform is not null).Select(e => e.Platform!.ToPlatform().ToString()).ToList()
            ?? throw new BuildException($"{pinned.Reference} is not an image index in the registry.");
        var missing = build.Platforms.Where(p => !listed.Contains(p)).ToList();
        if (missing.Count > 0)
        {
            throw new BuildException($"The index {pinned.Reference} lacks {string.Join(", ", missing)}; it lists {string.Join(", ", listed)}.");
        }

        var revision = manifest.Index?.Annotations is { } annotations && annotations.TryGetValue("org.opencontainers.image.revision", out var value) ? value : null;
        if (revision is not null && pinned.SourceCommit is { } built && !string.Equals(revision, built, StringComparison.OrdinalIgnoreCase))
        {
            throw new BuildException($"The index {pinned.Reference} says it was built from {revision}, but the build record says {built}.");
        }

        return $"{string.Join(", ", listed)} in {manifest.Digest}" + (revision is null ? "" : $", built from {revision}");
    }

    private async Task<string?> ShowAsync(string reference, string path, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(new ProcessRequest("git", ["--git-dir", environment.GitOpsBareRepository, "show", $"{reference}:{path}"])
        { ThrowOnFailure = false }, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0 ? result.StandardOutput : null;
    }
}
