namespace Pipeline.Containers;

/// <summary>One file, folder or link of the build context.</summary>
/// <param name="RelativePath">The path inside the context, with forward slashes.</param>
/// <param name="FullPath">The path on disk.</param>
/// <param name="Info">What the walk found there (its status is read once and kept).</param>
internal sealed record ContextEntry(string RelativePath, string FullPath, FileSystemInfo Info)
{
    /// <summary>A link's target as written, or null.</summary>
    public string? LinkTarget => Info.LinkTarget;

    /// <summary>True for a folder (not a link to one).</summary>
    public bool IsDirectory => Info is DirectoryInfo && Info.LinkTarget is null;
}

/// <summary>
/// The files of a build context in the order and selection the Docker CLI sends them: a walk in name order that
/// leaves out what <c>.dockerignore</c> excludes, enters an excluded folder only when a re-include pattern starts with
/// its path, and always keeps <c>.dockerignore</c> and the Dockerfile. The archive and the build-inputs digest both
/// read the context through here, so they can never disagree about what the build sees.
/// </summary>
internal static class BuildContextFiles
{
    /// <summary>The context's <c>.dockerignore</c> with <c>.dockerignore</c> and the Dockerfile kept, as the CLI adds them.</summary>
    public static DockerIgnore IgnoreRules(string context, string? dockerfileInside)
    {
        var ignore = DockerIgnore.Load(context).Keeping(".dockerignore");
        return dockerfileInside is null ? ignore : ignore.Keeping(dockerfileInside);
    }

    public static IEnumerable<ContextEntry> Enumerate(string context, DockerIgnore ignore) => Walk(context, context, ignore);

    private static IEnumerable<ContextEntry> Walk(string root, string directory, DockerIgnore ignore)
    {
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');
            var isDirectory = entry is DirectoryInfo && entry.LinkTarget is null;
            if (ignore.IsExcluded(relative))
            {
                if (!isDirectory || !ignore.MustEnter(relative))
                {
                    continue;
                }
            }
            else
            {
                yield return new ContextEntry(relative, entry.FullName, entry);
            }

            if (isDirectory)
            {
                foreach (var child in Walk(root, entry.FullName, ignore))
                {
                    yield return child;
                }
            }
        }
    }
}
