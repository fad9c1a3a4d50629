using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Pipeline.GitHub;

namespace Pipeline.Promotion;

/// <summary>
/// The <c>client_payload</c> of a promotion <c>repository_dispatch</c>: which app, optionally which environments,
/// the pinned image, and where it was built from. It names no paths: the receiving GitOps repository's own spec
/// decides the files.
/// </summary>
/// <param name="App">The app, as named in the receiver's spec.</param>
/// <param name="Image">The pinned reference, <c>registry/repo:tag@sha256:...</c>.</param>
public sealed record PromotionDispatch(string App, string Image)
{
    /// <summary>The <c>event_type</c> sent when none is given.</summary>
    public const string DefaultEventType = "pipeline-promote";

    /// <summary>Environments to limit the promotion to; empty lets the receiver route by its spec.</summary>
    public IReadOnlyList<string>? Environments { get; init; }

    /// <summary>The source repository.</summary>
    [JsonPropertyName("source_repository")]
    public string? SourceRepository { get; init; }

    /// <summary>The source commit.</summary>
    [JsonPropertyName("source_commit")]
    public string? SourceCommit { get; init; }

    /// <summary>The source branch.</summary>
    [JsonPropertyName("source_branch")]
    public string? SourceBranch { get; init; }

    /// <summary>The first line of the source commit message.</summary>
    [JsonPropertyName("source_message")]
    public string? SourceMessage { get; init; }

    /// <summary>The CI run that built the image.</summary>
    [JsonPropertyName("ci_run")]
    public string? CiRun { get; init; }

    /// <summary>The event to send; <see cref="IDispatchesClient.SendAsync"/> checks it against GitHub's limits again.</summary>
    /// <exception cref="GitHubRequestValidationException">The event breaks one of GitHub's limits.</exception>
    public RepositoryDispatch ToRepositoryDispatch(string eventType = DefaultEventType)
    {
        var payload = JsonSerializer.SerializeToNode(this, PromotionJsonContext.Default.PromotionDispatch)!.AsObject();
        var dispatch = new RepositoryDispatch(eventType) { ClientPayload = payload };
        var problems = dispatch.Validate();
        return problems.Count == 0
            ? dispatch
            : throw new GitHubRequestValidationException($"The promotion dispatch for {App} breaks GitHub's limits: {string.Join(" ", problems)}", problems);
    }

    /// <summary>Reads a payload (the <c>client_payload</c> object).</summary>
    /// <exception cref="PromotionDispatchException">The JSON is not a promotion payload.</exception>
    public static PromotionDispatch FromPayload(JsonNode payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        try
        {
            return payload.Deserialize(PromotionJsonContext.Default.PromotionDispatch)
                ?? throw new PromotionDispatchException("The dispatch payload is null; send the object PromotionDispatch.ToRepositoryDispatch makes.");
        }
        catch (JsonException exception)
        {
            throw new PromotionDispatchException($"The dispatch payload is not a promotion payload ({exception.Message}); it needs at least 'app' and 'image'.", exception);
        }
    }
}

/// <summary>A dispatch payload or event file that cannot be applied; nothing was written.</summary>
public sealed class PromotionDispatchException : PromotionException
{
    /// <summary>Creates the exception.</summary>
    public PromotionDispatchException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
