using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Pipeline.Containers;

/// <summary>A layer rewritten for a reproducible image: the gzip file, its digest and size, and the digest of the tar inside.</summary>
internal sealed record NormalizedLayer(string Path, Digest Digest, long Size, Digest DiffId);

/// <summary>
/// Rewrites a layer tar so that the same files give the same bytes on every machine: entries sorted by name, every
/// time set to the source date (the commit's), owner names dropped (the
/// numeric ids stay), only extended attributes kept from PAX headers, GNU headers, and gzip at its fastest level (the
/// build waits for it; the size differs little) with a fixed header.
/// What the layer holds (names, kinds, modes, ids, links, contents) is unchanged.
/// </summary>
internal static class LayerNormalizer
{
    /// <summary>The operating-system byte of the gzip header: 255, "unknown", as Go's compressor writes it, whatever compressed it.</summary>
    private const byte UnknownOs = 0xff;

    public static async Task<NormalizedLayer> NormalizeAsync(string layerTar, string output, DateTimeOffset epoch, CancellationToken cancellationToken)
    {
        await using var source = new FileStream(layerTar, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        var entries = new List<TarEntry>();
        await using var reader = new TarReader(source, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            entries.Add(entry);
        }

        return await WriteAsync(entries.OrderBy(e => e.Name, StringComparer.Ordinal), output, epoch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes <paramref name="sorted"/> (already in ordinal name order; each file's data readable while it is the current
    /// entry) as a normalised layer.
    /// </summary>
    public static async Task<NormalizedLayer> WriteAsync(IEnumerable<TarEntry> sorted, string output, DateTimeOffset epoch, CancellationToken cancellationToken)
    {
        var sourceDate = DateTimeOffset.FromUnixTimeSeconds(epoch.ToUnixTimeSeconds());
        Digest diffId;
        await using (var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            using var tarHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true))
            await using (var hashing = new HashingStream(gzip, tarHash))
            await using (var writer = new TarWriter(hashing, TarEntryFormat.Gnu, leaveOpen: true))
            {
                foreach (var entry in sorted)
                {
                    await writer.WriteEntryAsync(Rewrite(entry, sourceDate), cancellationToken).ConfigureAwait(false);
                }
            }

            diffId = Digest.Parse("sha256:" + Convert.ToHexStringLower(tarHash.GetHashAndReset()));
            file.Position = 9;
            file.WriteByte(UnknownOs);
        }

        await using var written = new FileStream(output, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        var digest = Digest.Parse("sha256:" + Convert.ToHexStringLower(await SHA256.HashDataAsync(written, cancellationToken).ConfigureAwait(false)));
        return new NormalizedLayer(output, digest, written.Length, diffId);
    }

    private static TarEntry Rewrite(TarEntry entry, DateTimeOffset sourceDate)
    {
        // Every time becomes the source date, older ones too: a layer BuildKit takes from its cache keeps the times of
        // the build that made it, which differ from machine to machine.
        var time = sourceDate;
        var type = entry.EntryType switch
        {
            TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => TarEntryType.RegularFile,
            var other => other,
        };
        var xattrs = entry is PaxTarEntry pax
            ? pax.ExtendedAttributes.Where(a => a.Key.StartsWith("SCHILY.xattr.", StringComparison.Ordinal)).OrderBy(a => a.Key, StringComparer.Ordinal).ToList()
            : [];
        PosixTarEntry rewritten;
        if (xattrs.Count > 0)
        {
            var attributes = xattrs.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
            var seconds = time.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            attributes["mtime"] = seconds;
            attributes["atime"] = seconds;
            attributes["ctime"] = seconds;
            rewritten = new PaxTarEntry(type, entry.Name, attributes);
        }
        else
        {
            rewritten = new GnuTarEntry(type, entry.Name) { AccessTime = time, ChangeTime = time };
        }

        rewritten.ModificationTime = time;
        rewritten.Mode = entry.Mode;
        rewritten.Uid = entry.Uid;
        rewritten.Gid = entry.Gid;
        rewritten.UserName = string.Empty;
        rewritten.GroupName = string.Empty;
        if (type is TarEntryType.SymbolicLink or TarEntryType.HardLink)
        {
            rewritten.LinkName = entry.LinkName;
        }

        if (type is TarEntryType.CharacterDevice or TarEntryType.BlockDevice && entry is PosixTarEntry device)
        {
            rewritten.DeviceMajor = device.DeviceMajor;
            rewritten.DeviceMinor = device.DeviceMinor;
        }

        if (entry.DataStream is { } data)
        {
            rewritten.DataStream = data;
        }

        return rewritten;
    }
}
