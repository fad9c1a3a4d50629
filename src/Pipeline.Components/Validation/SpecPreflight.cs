using Pipeline.Containers;
using Pipeline.GitHub;
using Pipeline.Promotion;
using Pipeline.Promotion.Edits;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>
/// Before anything is built: a dry run of the promotion itself, with the image this run will promote (its digest a
/// placeholder when it is not built yet). It reads promotion.yaml (a YAML error names file, line and column), matches
/// the image to an app, and applies every edit to the files it names, so a spec that deploys no such image or a
/// selector that matches nothing fails in seconds. Run where reading is cheap: a directory, a file:// repository, or
/// GitHub's API (a few requests); a remote git URL would need a clone, and a dispatch's spec lives on the other side.
/// </summary>
internal static class SpecPreflight
{
    public static bool IsCheap(PromotionTarget target, WriteMethod method) =>
        method != WriteMethod.Dispatch &&
        (target.Kind != PromotionTargetKind.GitUrl || target.Location.StartsWith("file:", StringComparison.OrdinalIgnoreCase));

    public static async Task CheckAsync(IBumpGitOps build, TargetValidation check, PromotionTarget target, ImageReference image, string? sourceBranch)
    {
        var credentials = GitHubCredentials.From(build);
        var request = new PromotionRequest(target, image)
        {
            Source = new PromotionSource(null, null) { Branch = sourceBranch },
            Branch = build.GitOpsBranch,
            SpecPath = build.PromotionSpec?.Value,
            App = build.GitOpsApp,
            Environments = build.Environment,
            WriteMethod = build.WriteMethod,
            DryRun = true,
            Credentials = credentials,
        };
        string[] spec = build.PromotionSpec is null ? [nameof(IHazGitOps.GitOpsRepository)] : [nameof(IHazGitOps.PromotionSpec)];
        try
        {
            await new Promoter(new PromoterOptions()).PromoteAsync(request, check.CancellationToken).ConfigureAwait(false);
        }
        catch (PromotionSpecException exception)
        {
            check.Problem(exception.Message, $"correct promotion.yaml at line {exception.Line}, column {exception.Column}; nothing is built until it reads.", spec);
        }
        catch (PromotionRequestException exception) when (exception.Message.Contains(" deploys ", StringComparison.Ordinal))
        {
            check.Problem(exception.Message, "build the image an app of the spec deploys (--image), name the app with --gitops-app, or add the image to promotion.yaml.",
                [nameof(IHazImage.Image), nameof(IHazGitOps.GitOpsApp), .. spec]);
        }
        catch (ManifestEditException exception)
        {
            check.Problem(exception.Message, "correct the selector in promotion.yaml, or the file it edits in the GitOps repository; nothing is built until every edit applies.", spec);
        }
        catch (GitHubException exception) when (exception is GitHubAuthenticationException or GitHubForbiddenException or GitHubNotFoundException)
        {
            check.Problem($"reading {target} failed: {exception.Message}", WriteIdentity.Fix, [.. WriteIdentity.Parameters, nameof(IHazGitHubAccess.GitHubApiUrl)]);
        }
        catch (Exception exception) when (exception is PromotionException or GitHubException or HttpRequestException)
        {
            check.Problem($"a dry run of the promotion against {target} failed: {exception.Message}",
                "correct what the message names; the promotion would fail the same way after the build.", [nameof(IHazGitOps.GitOpsRepository), nameof(IHazGitOps.Environment)]);
        }
        finally
        {
            (credentials as IDisposable)?.Dispose();
        }
    }
}
