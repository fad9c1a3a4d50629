namespace Pipeline.Rehearsal.GitHub;

/// <summary>One request the server answered. Authorization values are never kept.</summary>
/// <param name="At">When the request arrived (server clock).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path without query string, as sent (including an <c>/api/v3</c> prefix).</param>
/// <param name="Query">The query string with its leading <c>?</c>, or empty.</param>
/// <param name="Status">The status code answered.</param>
/// <param name="Headers">Request headers; the Authorization value is replaced by its scheme and <c>***</c>.</param>
/// <param name="RequestId">The <c>x-github-request-id</c> answered.</param>
public sealed record RecordedRequest(
    DateTimeOffset At,
    string Method,
    string Path,
    string Query,
    int Status,
    IReadOnlyDictionary<string, string> Headers,
    string RequestId)
{
    /// <summary>The login the credential sent authenticated as (a user, or an App's bot), or <c>anonymous</c>.</summary>
    public string Principal { get; init; } = "anonymous";
}

/// <summary>A <c>repository_dispatch</c> event the server received.</summary>
/// <param name="Owner">Repository owner.</param>
/// <param name="Repository">Repository name.</param>
/// <param name="EventType">The <c>event_type</c> sent.</param>
/// <param name="ClientPayload">The <c>client_payload</c> sent, or null.</param>
/// <param name="Sender">Login of the sender (a user or an App's bot).</param>
/// <param name="At">When it was received (server clock).</param>
public sealed record RecordedDispatch(
    string Owner,
    string Repository,
    string EventType,
    JsonElement? ClientPayload,
    string Sender,
    DateTimeOffset At);
