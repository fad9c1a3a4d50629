using Pipeline.GitHub;

namespace Pipeline.Promotion;

/// <summary>Reads which GitHub repository, and which API, an HTTPS git URL points at.</summary>
internal static class GitHubGitUrl
{
    /// <summary>
    /// <c>https://HOST/OWNER/NAME(.git)</c> names the repository OWNER/NAME; its API is github.com's for
    /// <c>github.com</c>, else a GitHub Enterprise Server's (<c>https://HOST/api/v3</c>, which the local server serves too).
    /// </summary>
    public static bool TryParse(string url, out RepositoryId repository, out GitHubEndpoint endpoint)
    {
        repository = null!;
        endpoint = null!;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return false;
        }

        var segments = uri.AbsolutePath.Trim('/').Split('/');
        if (segments.Length != 2 || segments.Any(s => s.Length == 0))
        {
            return false;
        }

        var name = segments[1].EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? segments[1][..^4] : segments[1];
        if (name.Length == 0)
        {
            return false;
        }

        try
        {
            repository = new RepositoryId(Uri.UnescapeDataString(segments[0]), Uri.UnescapeDataString(name));
        }
        catch (ArgumentException)
        {
            return false;
        }

        endpoint = uri.Host.Equals("github.com", StringComparison.OrdinalIgnoreCase) || uri.Host.Equals("www.github.com", StringComparison.OrdinalIgnoreCase)
            ? GitHubEndpoint.GitHubCom
            : GitHubEndpoint.Enterprise(uri.GetLeftPart(UriPartial.Authority));
        return true;
    }
}
