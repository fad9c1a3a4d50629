namespace Pipeline.Targets;

/// <summary>
/// The files a target declared with <c>Produces</c> that it wrote (a <c>*</c> may stand in the last segment): files
/// written since <c>since</c>, so that one left by an earlier run (or kept by a dry run) is not reported as produced.
/// </summary>
internal static class ProducedFiles
{
    public static IReadOnlyList<string> Find(AbsolutePath root, IEnumerable<string> patterns, DateTime? since = null)
    {
        var found = new List<string>();
        foreach (var pattern in patterns)
        {
            var relative = pattern.Replace('\\', '/');
            var slash = relative.LastIndexOf('/');
            var directory = slash < 0 ? root : root / relative[..slash];
            var name = slash < 0 ? relative : relative[(slash + 1)..];
            if (!directory.DirectoryExists())
            {
                continue;
            }

            found.AddRange(Directory.GetFiles(directory, name)
                .Where(file => since is null || File.GetLastWriteTimeUtc(file) >= since)
                .Select(file => AbsolutePath.Create(file).RelativeTo(root)).Order(StringComparer.Ordinal));
        }
        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary><c>artifacts/image.json</c>, or <c>6 files in artifacts/packages</c>.</summary>
    public static string Describe(IReadOnlyList<string> files) =>
        files.Count == 1 ? files[0]
        : files.Select(f => Path.GetDirectoryName(f)).Distinct().Count() == 1 ? $"{files.Count} files in {Path.GetDirectoryName(files[0])!.Replace('\\', '/')}"
        : $"{files.Count} files";
}
