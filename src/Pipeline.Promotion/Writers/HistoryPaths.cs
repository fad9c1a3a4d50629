namespace Pipeline.Promotion.Writers;

/// <summary>Narrows a history search to the paths of an environment.</summary>
internal static class HistoryPaths
{
    /// <summary>
    /// The one path a commits list can filter by that every change to <paramref name="paths"/> touches: the path itself
    /// when there is one, else the deepest folder they share; null (no filter) when they share none.
    /// </summary>
    public static string? SharedFolder(IReadOnlyList<string> paths)
    {
        var split = paths.Select(p => p.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length > 0).ToList();
        if (split.Count == 0)
        {
            return null;
        }

        if (split.All(p => p.SequenceEqual(split[0], StringComparer.Ordinal)))
        {
            return string.Join('/', split[0]);
        }

        // Folders only: the last segment of each path is its file name.
        var folders = split.Min(p => p.Length) - 1;
        var shared = 0;
        while (shared < folders && split.All(p => string.Equals(p[shared], split[0][shared], StringComparison.Ordinal)))
        {
            shared++;
        }

        return shared == 0 ? null : string.Join('/', split[0].Take(shared));
    }
}
