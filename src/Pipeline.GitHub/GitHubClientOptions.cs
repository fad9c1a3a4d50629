using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Pipeline.GitHub;

/// <summary>How a <see cref="GitHubClient"/> reaches GitHub: where, as whom, with which retries, clock and log.</summary>
public sealed record GitHubClientOptions
{
    /// <summary>Creates options for an endpoint and a credential.</summary>
    public GitHubClientOptions(GitHubEndpoint endpoint, IGitHubCredentials credentials)
    {
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        Credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
    }

    /// <summary>The REST and GraphQL addresses.</summary>
    public GitHubEndpoint Endpoint { get; init; }

    /// <summary>The credential sent, explicitly, with every request.</summary>
    public IGitHubCredentials Credentials { get; init; }

    /// <summary>The User-Agent GitHub requires. Default <c>Pipeline.GitHub</c>.</summary>
    public string UserAgent { get; init; } = "Pipeline.GitHub";

    /// <summary>The REST API version sent in <c>X-GitHub-Api-Version</c>.</summary>
    public string ApiVersion { get; init; } = "2022-11-28";

    /// <summary>Retry bounds.</summary>
    public GitHubRetryOptions Retry { get; init; } = new();

    /// <summary>The clock for retry delays and rate-limit resets (tests pass one that does not sleep).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where requests, retries and token renewals are logged. Secrets are never logged.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;
}
