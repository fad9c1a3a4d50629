using Pipeline.Containers;
using Pipeline.GitHub;
using Pipeline.Promotion;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>
/// What BumpGitOps (and ApplyDispatch) check before anything runs: the GitOps repository, a credential to write with, the
/// image to promote and, when that is cheap, the spec itself: read, matched to the image, every selector tried.
/// </summary>
internal static class PromotionChecks
{
    /// <summary>BumpGitOps: the target and credential, the image, then a dry run of the promotion when that is cheap.</summary>
    public static async Task CheckBumpAsync(IBumpGitOps build, TargetValidation check)
    {
        var (target, credentialSet) = CheckTarget(build, check);
        SourceRevision source;
        try
        {
            source = await SourceRevision.ReadAsync(build, check.CancellationToken).ConfigureAwait(false);
        }
        catch (BuildException exception)
        {
            check.Problem(exception.Message, "run the build in a git checkout with at least one commit.");
            return;
        }
        var image = await CheckImageAsync(build, check, source.Commit).ConfigureAwait(false);
        if (target is null || image is null || !credentialSet)
        {
            return;
        }

        if (SpecPreflight.IsCheap(target, build.WriteMethod ?? target.DefaultWriteMethod))
        {
            await SpecPreflight.CheckAsync(build, check, target, image.Reference, source.Branch).ConfigureAwait(false);
        }
    }

    /// <summary>The GitOps repository and whether a usable credential is set; the target is null when the repository itself is wrong.</summary>
    public static (PromotionTarget? Target, bool CredentialSet) CheckTarget(IHazGitOps build, TargetValidation check)
    {
        if (build.GitOpsRepository is not { } text)
        {
            return (null, false);
        }

        PromotionTarget target;
        try
        {
            var endpoint = build.GitHubApiUrl is { } api ? GitHubEndpoint.FromApiUrl(api) : null;
            target = PromotionTarget.Parse(Resolve(build, text), endpoint);
        }
        catch (ArgumentException exception)
        {
            check.Problem($"--gitops-repository '{text}' is not usable: {exception.Message}", "give owner/name on GitHub, a git URL without credentials, or a local directory.", nameof(IHazGitOps.GitOpsRepository));
            return (null, false);
        }
        var kind = target.Kind switch { PromotionTargetKind.GitHub => $"on GitHub ({target.Endpoint!.Api})", PromotionTargetKind.GitUrl => "git URL", _ => "directory" };
        check.Setting("GitOps repository", $"{text}, {kind}", check.SourceOf(nameof(IHazGitOps.GitOpsRepository)));
        check.Setting("GitOps branch", build.GitOpsBranch ?? "its default branch", check.SourceOf(nameof(IHazGitOps.GitOpsBranch)));
        var method = build.WriteMethod ?? target.DefaultWriteMethod;
        var noun = target.Kind switch { PromotionTargetKind.GitHub => "GitHub repository", PromotionTargetKind.GitUrl => "git URL", _ => "directory" };
        check.Setting("write method", method.ToString(), build.WriteMethod is null ? $"default for a {noun}" : check.SourceOf(nameof(IHazGitOps.WriteMethod)));
        if (build.DryRun)
        {
            check.Setting("dry run", "push no image, write no commit or branch", check.SourceOf(nameof(IHazDryRun.DryRun)));
        }

        if (build.PromotionSpec is { } spec && !spec.FileExists())
        {
            check.Problem($"the promotion spec {spec} does not exist.", "pass the path of promotion.yaml, or leave out --promotion-spec to read it from the GitOps branch.", nameof(IHazGitOps.PromotionSpec));
        }

        if (WriteIdentity.Describe(build, target) is not { } identity)
        {
            check.Problem($"writing to {text} needs a credential, and none is set.", WriteIdentity.Fix, [nameof(IHazGitOps.GitOpsRepository), .. WriteIdentity.Parameters]);
            return (target, false);
        }
        check.Setting("writes as", identity.Identity, identity.Source);
        try
        {
            (GitHubCredentials.From(build) as IDisposable)?.Dispose();
            return (target, true);
        }
        catch (BuildException exception)
        {
            check.Problem(exception.Message, "pass the App's private key as PEM text or the path of its .pem file, or a real token.", WriteIdentity.Parameters);
            return (target, false);
        }
    }

    /// <summary>The image to promote, or null after reporting why there is none.</summary>
    public static async Task<PromotedImage?> CheckImageAsync(IBumpGitOps build, TargetValidation check, string head)
    {
        try
        {
            PromotedImage image;
            if (build.ImageReference is { } text)
            {
                image = new PromotedImage(PromotedImage.Explicit(build, text), null, check.SourceOf(nameof(IHazGitOps.ImageReference)));
            }
            else if (build.DryRun)
            {
                image = await PromotedImage.ForDryRunAsync(build, head, check.CancellationToken).ConfigureAwait(false);
            }
            else if (check.WillRun("CaptureDigest"))
            {
                if (build.Image is null || ImageChecks.Repository(build, check) is null)
                {
                    return null;
                }

                var tags = build.Tags.Prepend(head[..Math.Min(7, head.Length)]).ToList();
                if (build.PromoteTag is { } tag && !tags.Contains(tag))
                {
                    check.Problem($"--promote-tag {tag} is not one of the tags this run pushes ({string.Join(", ", tags)}).", "promote one of them, or add it with --tags.", nameof(IHazGitOps.PromoteTag), nameof(IHazImage.Tags));
                    return null;
                }
                return PromotedImage.Planned(build, head);
            }
            else
            {
                image = await PromotedImage.FromRecordAsync(build, head, check.CancellationToken).ConfigureAwait(false);
            }

            check.Setting("image to promote", image.Reference.ToString(), image.Description);
            return image;
        }
        catch (BuildException exception)
        {
            check.Problem(exception.Message, PromotedImage.RecordFix(build), nameof(IHazImage.Image), nameof(IHazGitOps.ImageReference));
            return null;
        }
        catch (InvalidImageReferenceException)
        {
            return null; // --image is wrong: the image targets' checks say so
        }
    }

    /// <summary>A relative directory is under the root, wherever the build was started from.</summary>
    internal static string Resolve(IPipelineBuild build, string text) =>
        !text.Contains("://", StringComparison.Ordinal) && !Path.IsPathRooted(text) && Directory.Exists(build.RootDirectory / text) ? build.RootDirectory / text : text;
}
