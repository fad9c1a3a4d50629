using Pipeline.GitHub;

namespace Pipeline.Promotion;

/// <summary>What kind of place a GitOps repository is.</summary>
public enum PromotionTargetKind
{
    /// <summary>A repository on GitHub (or GitHub Enterprise, or a local stand-in) reached through its API.</summary>
    GitHub,

    /// <summary>A git URL (any host, or <c>file://</c>), reached with git.</summary>
    GitUrl,

    /// <summary>A local checkout, edited in place.</summary>
    Directory,
}

/// <summary>The GitOps repository: <c>owner/name</c> on a GitHub API, a git URL, or a local directory.</summary>
public sealed record PromotionTarget
{
    private PromotionTarget(PromotionTargetKind kind, string location)
    {
        Kind = kind;
        Location = location;
    }

    /// <summary>The kind of target.</summary>
    public PromotionTargetKind Kind { get; }

    /// <summary><c>owner/name</c>, the URL or the directory.</summary>
    public string Location { get; }

    /// <summary>The repository, for a GitHub target.</summary>
    public RepositoryId? Repository { get; private init; }

    /// <summary>
    /// The API: for a GitHub target, the one it is reached through; for a git URL, where a <see cref="GitHubApp"/> mints
    /// its installation token (null: github.com for <c>github.com</c> URLs, else <c>https://HOST/api/v3</c>).
    /// </summary>
    public GitHubEndpoint? Endpoint { get; private init; }

    /// <summary>A repository reached through a GitHub API (github.com when <paramref name="endpoint"/> is null).</summary>
    public static PromotionTarget GitHub(RepositoryId repository, GitHubEndpoint? endpoint = null)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return new PromotionTarget(PromotionTargetKind.GitHub, repository.ToString()) { Repository = repository, Endpoint = endpoint ?? GitHubEndpoint.GitHubCom };
    }

    /// <summary>A repository reached with git at <paramref name="url"/> (<c>https://...</c>, <c>file:///...</c>).</summary>
    /// <param name="url">The git URL, without credentials.</param>
    /// <param name="endpoint">For a repository on GitHub pushed to with a GitHub App: the API that mints its tokens, when not the one the URL's host implies.</param>
    public static PromotionTarget GitUrl(string url, GitHubEndpoint? endpoint = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new ArgumentException("The git URL carries credentials; pass them as Credentials instead, so they never reach a log.", nameof(url));
        }

        return new PromotionTarget(PromotionTargetKind.GitUrl, url) { Endpoint = endpoint };
    }

    /// <summary>A local checkout at <paramref name="path"/>.</summary>
    public static PromotionTarget Directory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new PromotionTarget(PromotionTargetKind.Directory, Path.GetFullPath(path));
    }

    /// <summary>
    /// Reads a <c>--gitops-repository</c> value: <c>owner/name</c> (on <paramref name="endpoint"/>), a URL
    /// (<c>scheme://</c> or ending in <c>.git</c>; <paramref name="endpoint"/> mints a GitHub App's token for it), or else a directory.
    /// </summary>
    public static PromotionTarget Parse(string text, GitHubEndpoint? endpoint = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        text = text.Trim();
        if (text.Contains("://", StringComparison.Ordinal) || text.EndsWith(".git", StringComparison.Ordinal))
        {
            return GitUrl(text, endpoint);
        }

        var parts = text.Split('/');
        return parts.Length == 2 && !System.IO.Directory.Exists(text) && parts.All(p => p.Length > 0 && p != "." && p != "..")
            ? GitHub(RepositoryId.Parse(text), endpoint)
            : Directory(text);
    }

    /// <summary>The write method used when none is given.</summary>
    public WriteMethod DefaultWriteMethod => Kind switch
    {
        PromotionTargetKind.GitHub => WriteMethod.GraphQL,
        PromotionTargetKind.GitUrl => WriteMethod.Git,
        _ => WriteMethod.Worktree,
    };

    /// <inheritdoc />
    public override string ToString() => Location;
}
