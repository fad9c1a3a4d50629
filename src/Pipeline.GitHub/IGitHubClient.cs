namespace Pipeline.GitHub;

/// <summary>
/// Every API area of one GitHub connection. Consumers that need only one area should depend on that area's
/// interface (<see cref="IContentsClient"/>, <see cref="IGraphQLClient"/>, ...) instead.
/// </summary>
public interface IGitHubClient
{
    /// <summary>Repositories, branches and comparisons.</summary>
    IRepositoriesClient Repositories { get; }

    /// <summary>Single files through the contents API.</summary>
    IContentsClient Contents { get; }

    /// <summary>Blobs, trees, commits and refs.</summary>
    IGitDataClient Git { get; }

    /// <summary>Multi-file reads and atomic commits, auto-merge.</summary>
    IGraphQLClient GraphQL { get; }

    /// <summary>Pull requests and labels.</summary>
    IPullRequestsClient PullRequests { get; }

    /// <summary><c>repository_dispatch</c> events.</summary>
    IDispatchesClient Dispatches { get; }

    /// <summary>Releases and their assets.</summary>
    Releases.IReleasesClient Releases { get; }

    /// <summary>GitHub App installations and tokens (needs the App as credentials).</summary>
    IAppsClient Apps { get; }
}
