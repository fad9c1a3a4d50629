using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Containers;
using Pipeline.GitHub;

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
            if (action is { Length: > RepositoryDispatch.MaxEventTypeLength })
            {
                throw new PromotionDispatchException(
                    $"{path} is an event of type '{action[..20]}...' ({action.Length} characters); GitHub sends at most {RepositoryDispatch.MaxEventTypeLength}, so it did not come from GitHub.");
            }

            if (expectedEventType is not null && !string.Equals(action, expectedEventType, StringComparison.Ordinal))
            {
                throw new PromotionDispatchException($"{path} is a '{action}' event, not '{expectedEventType}'; check on.repository_dispatch.types.");
            }

            return CheckShape(PromotionDispatch.FromPayload(CheckLimits(payload, path)));
        }

        return CheckShape(PromotionDispatch.FromPayload(CheckLimits(obj, path)));
    }

    /// <summary>
    /// GitHub's own limits (at most 10 top-level keys, under 64 KB) and only the keys a promotion payload has: a
    /// payload that breaks them was not sent by a promoter, and is refused before anything is read from the target.
    /// </summary>
    private static JsonNode CheckLimits(JsonNode payload, string path)
    {
        if (payload is not JsonObject obj)
        {
            throw new PromotionDispatchException($"The client_payload in {path} is not a JSON object; a promotion payload has 'app' and 'image'.");
        }

        var dispatch = new RepositoryDispatch(PromotionDispatch.DefaultEventType) { ClientPayload = obj };
        if (dispatch.Validate() is { Count: > 0 } problems)
        {
            throw new PromotionDispatchException($"The client_payload in {path} breaks GitHub's limits, so GitHub did not send it: {string.Join(" ", problems)}");
        }

        var unknown = obj.Select(p => p.Key).Where(k => !PayloadKeys.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new PromotionDispatchException(
                $"The client_payload in {path} has key(s) {string.Join(", ", unknown.Select(k => $"'{Printable(k)}'"))} a promotion payload does not have; "
                + $"it may have {string.Join(", ", PayloadKeys)}. Files and paths come from the receiver's spec, never from the payload.");
        }

        return obj;
    }

    private static readonly string[] PayloadKeys = ["app", "image", "environments", "source_repository", "source_commit", "source_branch", "source_message", "ci_run"];
}

/// <summary>A dispatch that passed every check: what to promote, ready to fill a request.</summary>
/// <param name="App">The app, as the spec names it.</param>
/// <param name="Environments">Environments to limit the promotion to (empty: route by the spec).</param>
/// <param name="Image">The pinned image.</param>
/// <param name="Source">Where it was built from.</param>
/// <param name="CiRunUrl">The sender's CI run.</param>
public sealed record DispatchedPromotion(string App, IReadOnlyList<string> Environments, ImageReference Image, PromotionSource Source, string? CiRunUrl)
{
    /// <summary>The request to promote this dispatch's image with <paramref name="settings"/>, and its source, app, environments and CI run.</summary>
    public PromotionRequest ApplyTo(PromotionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new PromotionRequest(settings with { Source = Source, App = App, Environments = Environments, CiRunUrl = CiRunUrl ?? settings.CiRunUrl, Dispatched = true }, Image);
    }
}
