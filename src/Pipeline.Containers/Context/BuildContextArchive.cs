using System.Formats.Tar;

namespace Pipeline.Containers;

/// <summary>
/// The build context as the tar stream the engine expects, written once to a temporary file (so several
/// platform builds can send the same bytes), honouring <c>.dockerignore</c>. A Dockerfile outside the context
/// is added under a generated name, as the Docker CLI does.
/// </summary>
internal sealed class BuildContextArchive : IDisposable
{
    private readonly string _path;

    private BuildContextArchive(string path, string dockerfileName, int fileCount)
    {
        _path = path;
        DockerfileName = dockerfileName;
        FileCount = fileCount;
    }

    /// <summary>The Dockerfile's path inside the archive, with forward slashes.</summary>
    public string DockerfileName { get; }

    /// <summary>How many files were archived.</summary>
    public int FileCount { get; }

    /// <summary>The archive's size in bytes.</summary>
    public long Length => new FileInfo(_path).Length;

    /// <summary>Checks the context and Dockerfile and writes the archive.</summary>
    /// <param name="contextDirectory">The context folder.</param>
    /// <param name="dockerfile">The Dockerfile; null for <c>Dockerfile</c> in the context, relative paths are relative to the current folder.</param>
    public static BuildContextArchive Create(string contextDirectory, string? dockerfile)
    {
        var (context, dockerfilePath) = ResolveInputs(contextDirectory, dockerfile);
        var inside = DockerfileInside(context, dockerfilePath);
        var dockerfileName = inside ?? $".dockerfile.{Guid.NewGuid():N}"[..24];
        var ignore = BuildContextFiles.IgnoreRules(context, inside);
        var path = Path.Combine(Path.GetTempPath(), $"pipeline-context-{Guid.NewGuid():N}.tar");
        var count = 0;
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        // GNU format, Dockerfile first: BuildKit decides whether a remote context is a tar or a bare Dockerfile from
        // its first 1024 bytes, which a PAX extended header would fill before the first real entry.
        using (var writer = new TarWriter(file, TarEntryFormat.Gnu, leaveOpen: false))
        {
            Write(writer, dockerfilePath, dockerfileName);
            count = 1;
            foreach (var entry in BuildContextFiles.Enumerate(context, ignore).Where(e => e.RelativePath != inside))
            {
                Write(writer, entry.FullPath, entry.RelativePath);
                count++;
            }
        }

        return new BuildContextArchive(path, dockerfileName, count);
    }

    /// <summary>The resolved context folder and Dockerfile, or a <see cref="BuildInputException"/> naming the fix.</summary>
    public static (string Context, string Dockerfile) ResolveInputs(string contextDirectory, string? dockerfile)
    {
        var context = Path.GetFullPath(contextDirectory);
        if (!Directory.Exists(context))
        {
            throw new BuildInputException("--context", contextDirectory, "the build context folder does not exist; pass the folder that holds the application's files.");
        }

        var dockerfilePath = dockerfile is null ? Path.Combine(context, "Dockerfile") : Path.GetFullPath(dockerfile);
        if (!File.Exists(dockerfilePath))
        {
            throw new BuildInputException(
                "--dockerfile",
                dockerfile ?? dockerfilePath,
                dockerfile is null
                    ? "there is no Dockerfile in the build context; add one or pass --dockerfile."
                    : "the Dockerfile does not exist; pass the path of an existing Dockerfile.");
        }

        return (context, dockerfilePath);
    }

    /// <summary>The Dockerfile's path inside the context, with forward slashes, or null when it lies outside.</summary>
    public static string? DockerfileInside(string context, string dockerfile)
    {
        var relative = Path.GetRelativePath(context, dockerfile).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative) ? null : relative;
    }

    public Stream OpenRead() => new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);

    public void Dispose()
    {
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
            // A temporary file that cannot be deleted now is left for the OS to clean.
        }
    }

    /// <summary>Writes one entry as the Docker CLI sends it: owned by root whoever owns the file here, so every clone sends the same context.</summary>
    private static void Write(TarWriter writer, string path, string name)
    {
        var info = new FileInfo(path);
        var type = info.LinkTarget is not null ? TarEntryType.SymbolicLink : Directory.Exists(path) ? TarEntryType.Directory : TarEntryType.RegularFile;
        var entry = new GnuTarEntry(type, name)
        {
            Mode = info.UnixFileMode,
            ModificationTime = info.LastWriteTimeUtc,
        };
        if (info.LinkTarget is { } target)
        {
            entry.LinkName = target;
        }

        entry.AccessTime = entry.ModificationTime;
        entry.ChangeTime = entry.ModificationTime;
        using var data = type == TarEntryType.RegularFile ? File.OpenRead(path) : null;
        if (data is not null)
        {
            entry.DataStream = data;
        }
        writer.WriteEntry(entry);
    }
}
