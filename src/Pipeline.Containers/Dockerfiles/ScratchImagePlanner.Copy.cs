using System.Formats.Tar;

namespace Pipeline.Containers;

/// <summary>
/// COPY as BuildKit carries it out: sources from the context (wildcards allowed, a wildcard may match nothing, a
/// source that is a link is followed, a folder's contents are copied), the destination relative to WORKDIR and a
/// folder when it ends in <c>/</c>, missing folders (the destination too) created 0755, folders inside a copied folder
/// keeping their modes, everything owned by <c>--chown</c> (numeric) or root, files given <c>--chmod</c> (octal).
/// </summary>
internal sealed partial class ScratchImagePlanner
{
    private void Copy(DockerfileInstruction instruction)
    {
        foreach (var flag in instruction.FlagNames)
        {
            if (flag is not ("chown" or "chmod"))
            {
                throw Engine($"COPY --{flag} is built by an engine; the direct strategy copies from the context with --chown and --chmod at most.");
            }
        }

        var (uid, gid) = Owner(instruction.Flag("chown") is { } chown ? Expand(chown, Lookup, split: false)[0] : null, "COPY --chown");
        UnixFileMode? chmod = null;
        if (instruction.Flag("chmod") is { } chmodText)
        {
            chmod = chmodText.Length is > 0 and <= 4 && chmodText.All(c => c is >= '0' and <= '7')
                ? (UnixFileMode)Convert.ToInt32(chmodText, 8)
                : throw Error($"COPY --chmod={chmodText} is not an octal mode; write e.g. --chmod=0644.");
        }

        if (instruction.Arguments.Contains("<<", StringComparison.Ordinal))
        {
            throw Engine("COPY with a here-document is built by an engine.");
        }

        var words = instruction.JsonForm() is { } json ? json.Select(w => Expand(w, Lookup, split: false)[0]).ToList() : Expand(instruction.Arguments, Lookup, split: true).ToList();
        if (words.Count < 2)
        {
            throw Error("COPY needs at least one source and a destination: COPY <src>... <dest>.");
        }

        var destination = words[^1];
        var sources = words[..^1];
        var workdir = _config["WorkingDir"]?.GetValue<string>() ?? "/";
        var destinationIsFolder = destination is "." or "" || destination.EndsWith('/') || destination.EndsWith("/.", StringComparison.Ordinal);
        var target = IgnorePattern.CleanPath(destination.StartsWith('/') ? destination : $"{workdir}/{destination}").TrimStart('/');
        target = target == "." ? string.Empty : target;
        if (_context is null)
        {
            // The instructions alone: an earlier step may still write the files they copy.
            if (sources.Count > 1 && !destinationIsFolder)
            {
                throw Error($"COPY of several sources needs a folder as the destination, ending in /: write {destination}/.");
            }

            History($"COPY {string.Join(' ', sources)} {destination} # buildkit", emptyLayer: false);
            return;
        }

        var matches = new List<ContextEntry>();
        foreach (var source in sources)
        {
            matches.AddRange(Sources(source));
        }

        if ((sources.Count > 1 || matches.Count > 1) && !destinationIsFolder)
        {
            throw Error($"COPY of several sources needs a folder as the destination, ending in /: write {destination}/.");
        }

        var followed = matches.Select(Follow).ToList();
        if (chmod is not null && followed.Any(e => e.IsDirectory))
        {
            throw Engine("COPY --chmod of a folder is built by an engine; the direct strategy applies --chmod to files.");
        }

        try
        {
            foreach (var match in followed)
            {
                CopyEntry(match, target, destinationIsFolder, uid, gid, chmod);
            }
        }
        catch (InvalidOperationException exception)
        {
            throw Error($"COPY {instruction.Arguments}: {exception.Message}.");
        }

        _layers.Add(new PlannedLayer(_files.TakeChanges()));
        History($"COPY {string.Join(' ', sources)} {destination} # buildkit", emptyLayer: false);
    }

    /// <summary>The context, once <see cref="Copy"/> has seen there is one.</summary>
    private ContextTree Context => _context ?? throw new InvalidOperationException("No build context to copy from.");

    private IReadOnlyList<ContextEntry> Sources(string source)
    {
        var clean = IgnorePattern.CleanPath(source.TrimStart('/'));
        if (clean == ".." || clean.StartsWith("../", StringComparison.Ordinal))
        {
            throw Error($"COPY source '{source}' is outside the build context; copy files from inside --context.");
        }

        if (ContextTree.HasWildcard(clean))
        {
            try
            {
                return Context.Match(clean);
            }
            catch (FormatException exception)
            {
                throw Error($"COPY source '{source}': {exception.Message}.");
            }
        }

        return Context.Find(clean) is { } found
            ? [found]
            : throw Error($"COPY source '{source}' is not in the build context (or .dockerignore leaves it out); check the path, which is relative to --context.");
    }

    /// <summary>A source that is a link is the entry it points to (inside the context).</summary>
    private ContextEntry Follow(ContextEntry entry)
    {
        for (var hops = 0; entry.LinkTarget is { } link; hops++)
        {
            var resolved = IgnorePattern.CleanPath(link.StartsWith('/') ? link.TrimStart('/') : $"{ContextTree.Parent(entry.RelativePath)}/{link}");
            if (hops > 40 || resolved.StartsWith("..", StringComparison.Ordinal) || Context.Find(resolved) is not { } next)
            {
                throw Error($"COPY source '{entry.RelativePath}' is a link to '{link}', which is not in the build context.");
            }

            entry = next;
        }

        return entry;
    }

    private void CopyEntry(ContextEntry source, string target, bool intoFolder, int uid, int gid, UnixFileMode? chmod)
    {
        if (source.IsDirectory)
        {
            _files.MakeDirectories(target, uid, gid);

            foreach (var below in Context.Descendants(source.RelativePath))
            {
                var relative = source.RelativePath == "." ? below.RelativePath : below.RelativePath[(source.RelativePath.Length + 1)..];
                _files.Write(Describe(below, Join(target, relative), uid, gid), uid, gid);
            }

            return;
        }

        var path = intoFolder ? Join(target, ContextTree.Name(source.RelativePath)) : target;
        var file = Describe(source, path, uid, gid);
        _files.Write(chmod is { } mode ? file with { Mode = mode } : file, uid, gid);
    }

    private static ImageFile Describe(ContextEntry entry, string path, int uid, int gid) =>
        entry.LinkTarget is { } link ? new ImageFile(path, TarEntryType.SymbolicLink, (UnixFileMode)0b111_111_111, uid, gid, LinkName: link)
            : entry.IsDirectory ? new ImageFile(path, TarEntryType.Directory, Mode(entry), uid, gid)
            : new ImageFile(path, TarEntryType.RegularFile, Mode(entry), uid, gid, Source: entry.FullPath);

    private static UnixFileMode Mode(ContextEntry entry) =>
        OperatingSystem.IsWindows() ? ScratchFilesystem.CreatedFolderMode : entry.Info.UnixFileMode;

    private static string Join(string folder, string name) => folder.Length == 0 ? name : $"{folder}/{name}";
}
