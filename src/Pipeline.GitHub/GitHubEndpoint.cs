namespace Pipeline.GitHub;

/// <summary>
/// Where the REST and GraphQL APIs live: github.com, a GitHub Enterprise Server, or a local server.
/// </summary>
public sealed record GitHubEndpoint
{
    /// <summary>Creates an endpoint from explicit REST and GraphQL addresses.</summary>
    public GitHubEndpoint(Uri api, Uri graphQL)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(graphQL);
        if (!api.IsAbsoluteUri || !graphQL.IsAbsoluteUri)
        {
            throw new ArgumentException($"GitHub endpoints must be absolute URLs (got '{api}' and '{graphQL}').");
        }

        Api = WithTrailingSlash(api);
        GraphQL = graphQL;
    }

    /// <summary>The REST base address, always ending with a slash.</summary>
    public Uri Api { get; }

    /// <summary>The GraphQL address.</summary>
    public Uri GraphQL { get; }

    /// <summary>github.com: <c>https://api.github.com</c> and <c>https://api.github.com/graphql</c>.</summary>
    public static GitHubEndpoint GitHubCom { get; } =
        new(new Uri("https://api.github.com/"), new Uri("https://api.github.com/graphql"));

    /// <summary>A GitHub Enterprise Server: <c>https://HOST/api/v3</c> and <c>https://HOST/api/graphql</c>.</summary>
    public static GitHubEndpoint Enterprise(string host)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        var root = host.Contains("://", StringComparison.Ordinal) ? host.TrimEnd('/') : "https://" + host.TrimEnd('/');
        return new GitHubEndpoint(new Uri(root + "/api/v3/"), new Uri(root + "/api/graphql"));
    }

    /// <summary>
    /// An endpoint from a REST base address alone: <c>https://api.github.com</c> gives github.com,
    /// <c>.../api/v3</c> gives the Enterprise GraphQL address <c>.../api/graphql</c>, anything else
    /// (a local server) serves GraphQL at <c>BASE/graphql</c>.
    /// </summary>
    public static GitHubEndpoint FromApiUrl(Uri api)
    {
        ArgumentNullException.ThrowIfNull(api);
        if (api.Host.Equals("api.github.com", StringComparison.OrdinalIgnoreCase))
        {
            return GitHubCom;
        }

        var withSlash = WithTrailingSlash(api);
        if (withSlash.AbsolutePath.EndsWith("/api/v3/", StringComparison.OrdinalIgnoreCase))
        {
            return new GitHubEndpoint(withSlash, new Uri(withSlash, "../graphql"));
        }

        return new GitHubEndpoint(withSlash, new Uri(withSlash, "graphql"));
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
