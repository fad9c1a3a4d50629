namespace Pipeline.Targets;

/// <summary>
/// Files that two builds in one checkout may write at the same moment (<c>.nuke/temp/build-attempt.json</c>, the schema,
/// generated workflows): each is written to a temporary file of its own beside the target and renamed over it, which is
/// atomic, so a reader sees the old or the new whole file and a second writer never finds the file held open.
/// </summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text) => Write(path, temporary => File.WriteAllText(temporary, text));

    public static void Write(string path, Action<string> write)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            write(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The file's text, or null when it is missing or cannot be read at this moment.</summary>
    public static string? TryReadAllText(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
