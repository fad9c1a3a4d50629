namespace Pipeline.GitHub.Http;

/// <summary>One API call: method, path relative to the API base (or an absolute address), optional JSON body.</summary>
internal sealed record GitHubRequest(HttpMethod Method, string Path)
{
    /// <summary>The UTF-8 JSON body, serialized once and re-sent as is on each attempt.</summary>
    public byte[]? Body { get; init; }

    /// <summary>The media type of <see cref="Body"/> when it is not JSON (a release asset's bytes).</summary>
    public string? ContentType { get; init; }

    /// <summary>An absolute address used instead of the API base (GraphQL).</summary>
    public Uri? AbsoluteUri { get; init; }

    /// <summary>Whether the request may be repeated after a failure.</summary>
    public RetryMode Retry { get; init; } = Method == HttpMethod.Post ? RetryMode.UnlessProcessed : RetryMode.Idempotent;

    /// <summary>What the request does, for reading failures.</summary>
    public GitHubOperation? Operation { get; init; }

    /// <summary>Credentials for this request only (App JWT calls, revoking a token).</summary>
    public IGitHubCredentials? Credentials { get; init; }

    /// <summary>Whether this is a GraphQL call (a 200 may still carry errors).</summary>
    public bool IsGraphQL { get; init; }

    /// <summary>A short name for logs and messages.</summary>
    public string Describe() => $"{Method} {Path}";
}
