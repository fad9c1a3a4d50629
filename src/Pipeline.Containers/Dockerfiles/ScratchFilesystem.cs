using System.Formats.Tar;

namespace Pipeline.Containers;

/// <summary>One entry of an image's filesystem: where it is, what it is, and where its bytes come from.</summary>
/// <param name="Path">The path in the image, clean and without the leading <c>/</c>.</param>
/// <param name="Type">Directory, regular file or symbolic link.</param>
/// <param name="Mode">The permission bits.</param>
/// <param name="Uid">The owner's id.</param>
/// <param name="Gid">The group's id.</param>
/// <param name="LinkName">A link's target, as written.</param>
/// <param name="Source">A file's path on disk.</param>
internal sealed record ImageFile(string Path, TarEntryType Type, UnixFileMode Mode, int Uid, int Gid, string? LinkName = null, string? Source = null)
{
    /// <summary>The name in a layer tar: folders end in <c>/</c>, as the engine writes them.</summary>
    public string TarName => Type == TarEntryType.Directory ? Path + "/" : Path;
}

/// <summary>
/// The filesystem of an image being written instruction by instruction, and the change each instruction makes: what
/// it writes, the folders it creates, and every folder above a changed entry (the engine's diff lists a folder with
/// changes inside it, to keep its permissions). The root itself is never listed.
/// </summary>
internal sealed class ScratchFilesystem
{
    /// <summary>The mode of a folder a COPY or WORKDIR creates on its way: 0755.</summary>
    public const UnixFileMode CreatedFolderMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly Dictionary<string, ImageFile> _files = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _changed = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="path"/> exists as a folder (the root always does).</summary>
    public bool IsDirectory(string path) => path.Length == 0 || (_files.TryGetValue(path, out var file) && file.Type == TarEntryType.Directory);

    /// <summary>Creates the folders of <paramref name="path"/> that are missing, owned by <paramref name="uid"/>:<paramref name="gid"/>.</summary>
    public void MakeDirectories(string path, int uid, int gid)
    {
        if (path.Length == 0)
        {
            return;
        }

        var parts = path.Split('/');
        for (var i = 1; i <= parts.Length; i++)
        {
            var folder = string.Join('/', parts.Take(i));
            if (_files.TryGetValue(folder, out var existing))
            {
                if (existing.Type != TarEntryType.Directory)
                {
                    throw new InvalidOperationException($"/{folder} is a {(existing.Type == TarEntryType.SymbolicLink ? "link" : "file")} in the image, not a folder");
                }

                continue;
            }

            _files[folder] = new ImageFile(folder, TarEntryType.Directory, CreatedFolderMode, uid, gid);
            _changed.Add(folder);
        }
    }

    /// <summary>Writes <paramref name="file"/>, creating its missing parent folders owned by <paramref name="uid"/>:<paramref name="gid"/>.</summary>
    public void Write(ImageFile file, int uid, int gid)
    {
        MakeDirectories(ParentOf(file.Path), uid, gid);
        if (_files.TryGetValue(file.Path, out var existing) && (existing.Type == TarEntryType.Directory) != (file.Type == TarEntryType.Directory))
        {
            throw new InvalidOperationException($"/{file.Path} is a {(existing.Type == TarEntryType.Directory ? "folder" : "file")} in the image and cannot be replaced by a {(file.Type == TarEntryType.Directory ? "folder" : "file")}");
        }

        _files[file.Path] = file;
        _changed.Add(file.Path);
    }

    /// <summary>The entries the instruction since the last call changed, in name order, and starts the next change.</summary>
    public IReadOnlyList<ImageFile> TakeChanges()
    {
        foreach (var path in _changed.ToArray())
        {
            for (var folder = ParentOf(path); folder.Length > 0; folder = ParentOf(folder))
            {
                _changed.Add(folder);
            }
        }

        var changes = _changed.Select(p => _files[p]).OrderBy(f => f.TarName, StringComparer.Ordinal).ToArray();
        _changed.Clear();
        return changes;
    }

    public static string ParentOf(string path) => path.LastIndexOf('/') is var slash and > 0 ? path[..slash] : string.Empty;
}
