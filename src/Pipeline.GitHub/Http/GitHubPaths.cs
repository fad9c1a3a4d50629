namespace Pipeline.GitHub.Http;

/// <summary>Builds request paths with every caller-supplied segment escaped.</summary>
internal static class GitHubPaths
{
    /// <summary><c>repos/{owner}/{name}</c> followed by the given escaped suffix.</summary>
    public static string Repo(RepositoryId repository, string suffix = "") =>
        $"repos/{Uri.EscapeDataString(repository.Owner)}/{Uri.EscapeDataString(repository.Name)}{suffix}";

    /// <summary>A slash-separated value (a file path, a ref) with each segment escaped and the slashes kept.</summary>
    public static string Segments(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return string.Join('/', value.Trim('/').Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary>One escaped segment.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);

    /// <summary>A query string from the non-null pairs, with a leading <c>?</c> (or empty).</summary>
    public static string Query(params (string Name, string? Value)[] pairs)
    {
        var present = pairs.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }

    /// <summary>A ref name without its <c>refs/</c> prefix (<c>heads/main</c>), as the git refs endpoints want it.</summary>
    public static string ShortRef(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var trimmed = reference.Trim().TrimStart('/');
        trimmed = trimmed.StartsWith("refs/", StringComparison.Ordinal) ? trimmed["refs/".Length..] : trimmed;
        if (!trimmed.StartsWith("heads/", StringComparison.Ordinal) && !trimmed.StartsWith("tags/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{reference}' is not a ref; write refs/heads/BRANCH, heads/BRANCH or tags/TAG.", nameof(reference));
        }

        return trimmed;
    }
}
