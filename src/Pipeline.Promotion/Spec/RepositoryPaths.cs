namespace Pipeline.Promotion;

/// <summary>The rule for file paths a promotion may write: inside the repository, plain, never under <c>.git</c>.</summary>
internal static class RepositoryPaths
{
    /// <summary>Null when <paramref name="path"/> is acceptable, otherwise what is wrong (to follow the path in a message).</summary>
    public static string? Problem(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "is empty";
        }

        if (path.Any(char.IsControl) || path.Contains('\\', StringComparison.Ordinal))
        {
            return "contains a backslash or a control character; use forward slashes";
        }

        if (path.StartsWith('/') || (path.Length > 1 && path[1] == ':'))
        {
            return "is absolute; write it relative to the repository root";
        }

        var segments = path.Split('/');
        if (segments.Any(s => s.Length == 0 || s == "." || s == ".."))
        {
            return "has an empty, '.' or '..' segment; write a plain path inside the repository";
        }

        if (segments.Any(s => s.Equals(".git", StringComparison.OrdinalIgnoreCase)))
        {
            return "is inside .git";
        }

        return null;
    }
}
