using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Containers;

namespace Pipeline.Promotion;

/// <summary>
/// Reads and checks a promotion dispatch on the receiving side. The payload may only name an app and environments
/// of the spec and carry a pinned image of that app's own repository; it never names files or paths, so a sender
/// cannot make the receiver write anywhere the spec does not.
/// </summary>
public static partial class PromotionDispatchReceiver
{
    /// <summary>
    /// Reads a GitHub event file (<c>$GITHUB_EVENT_PATH</c> of a <c>repository_dispatch</c> run, with
    /// <c>action</c> and <c>client_payload</c>) or a file holding the payload object itself.
    /// </summary>
    /// <exception cref="PromotionDispatchException">The file is not JSON, not a promotion payload, or another event type.</exception>
    public static async Task<PromotionDispatch> ReadAsync(string path, string? expectedEventType = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new PromotionDispatchException($"The dispatch event file {path} does not exist; pass $GITHUB_EVENT_PATH or a payload file.");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (JsonException exception)
        {
            throw new PromotionDispatchException($"{path} is not JSON ({exception.Message}).", exception);
        }

        if (root is not JsonObject obj)
        {
            throw new PromotionDispatchException($"{path} must hold a JSON object: a repository_dispatch event or a promotion payload.");
        }

        if (obj["client_payload"] is { } payload)
        {
            var action = obj["action"]?.GetValueKind() == JsonValueKind.String ? obj["action"]!.GetValue<string>() : null;
            if (expectedEventType is not null && !string.Equals(action, expectedEventType, StringComparison.Ordinal))
            {
                throw new PromotionDispatchException($"{path} is a '{action}' event, not '{expectedEventType}'; check on.repository_dispatch.types.");
            }

            return PromotionDispatch.FromPayload(payload);
        }

        return PromotionDispatch.FromPayload(obj);
    }

    /// <summary>Checks a payload against <paramref name="spec"/> and the value grammars; returns what may be promoted.</summary>
    /// <exception cref="PromotionDispatchException">Something is unknown to the spec or malformed; the message says which field.</exception>
    public static DispatchedPromotion Validate(PromotionDispatch dispatch, PromotionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        ArgumentNullException.ThrowIfNull(spec);
        var app = (dispatch.App is { Length: > 0 } name ? spec.FindApp(name) : null)
            ?? throw new PromotionDispatchException($"The dispatch names app '{dispatch.App}', which {spec.Source} does not have; known apps: {string.Join(", ", spec.Apps.Select(a => a.Name))}.");
        foreach (var environment in dispatch.Environments ?? [])
        {
            if (app.FindEnvironment(environment) is null)
            {
                throw new PromotionDispatchException($"The dispatch names environment '{environment}', which app '{app.Name}' does not have; it has {string.Join(", ", app.Environments.Select(e => e.Name))}.");
            }
        }

        if (!ImageReference.TryParse(dispatch.Image, out var image, out var error))
        {
            throw new PromotionDispatchException($"The dispatch image '{dispatch.Image}' is not an image reference: {error}.");
        }

        if (image.Tag is null || image.Digest is null || ImageTag.Validate(image.Tag) is not null)
        {
            throw new PromotionDispatchException($"The dispatch image '{dispatch.Image}' must be pinned with a valid tag and a digest (repo:tag@sha256:...).");
        }

        if (image.Name != app.Image.Name)
        {
            throw new PromotionDispatchException($"The dispatch image is {image.Name}, but app '{app.Name}' deploys {app.Image.Name}; refusing to pin another image.");
        }

        Check(dispatch.SourceCommit, CommitPattern(), "source_commit", "a hexadecimal commit id");
        Check(dispatch.SourceRepository, RepositoryPattern(), "source_repository", "owner/name");
        if (dispatch.SourceBranch is { } branch && BranchNames.Problem(branch) is { } problem)
        {
            throw new PromotionDispatchException($"The dispatch source_branch '{branch}' {problem}.");
        }

        if (dispatch.CiRun is { } run && !(Uri.TryCreate(run, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            throw new PromotionDispatchException($"The dispatch ci_run '{run}' must be an http(s) address.");
        }

        var message = dispatch.SourceMessage is { } m ? PromotionTrailers.SingleLine(m.Split('\n')[0]) : null;
        return new DispatchedPromotion(app.Name, dispatch.Environments ?? [], image,
            new PromotionSource(dispatch.SourceRepository, dispatch.SourceCommit?.ToLowerInvariant())
            {
                Branch = dispatch.SourceBranch,
                Message = message is { Length: > 500 } ? message[..500] : message,
            },
            dispatch.CiRun);
    }

    private static void Check(string? value, Regex pattern, string field, string expected)
    {
        if (value is not null && !pattern.IsMatch(value))
        {
            throw new PromotionDispatchException($"The dispatch {field} '{value}' is not {expected}.");
        }
    }

    [GeneratedRegex("^[0-9a-fA-F]{7,64}$")]
    private static partial Regex CommitPattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex RepositoryPattern();
}

/// <summary>A dispatch that passed every check: what to promote, ready to fill a request.</summary>
/// <param name="App">The app, as the spec names it.</param>
/// <param name="Environments">Environments to limit the promotion to (empty: route by the spec).</param>
/// <param name="Image">The pinned image.</param>
/// <param name="Source">Where it was built from.</param>
/// <param name="CiRunUrl">The sender's CI run.</param>
public sealed record DispatchedPromotion(string App, IReadOnlyList<string> Environments, ImageReference Image, PromotionSource Source, string? CiRunUrl)
{
    /// <summary><paramref name="template"/> with this dispatch's image, source, app, environments and CI run.</summary>
    public PromotionRequest ApplyTo(PromotionRequest template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template with { Image = Image, Source = Source, App = App, Environments = Environments, CiRunUrl = CiRunUrl ?? template.CiRunUrl, Dispatched = true };
    }
}
