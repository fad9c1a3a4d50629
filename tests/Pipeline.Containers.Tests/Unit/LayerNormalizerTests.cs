using System.Formats.Tar;
using System.IO.Compression;
using Pipeline.Tests.Shared;

namespace Pipeline.Containers.Tests.Unit;

public sealed class LayerNormalizerTests : IDisposable
{
    private static readonly DateTimeOffset Epoch = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = TestTemp.Folder("pipeline-layer-");

    [Fact]
    public async Task The_same_files_written_at_other_times_in_another_order_give_the_same_layer()
    {
        var first = Layer("a.tar", DateTimeOffset.UtcNow, ["bin/", "bin/tool", "etc/conf"], owner: "root");
        var second = Layer("b.tar", DateTimeOffset.UtcNow.AddHours(5), ["etc/conf", "bin/", "bin/tool"], owner: "builder");

        var one = await LayerNormalizer.NormalizeAsync(first, Path.Combine(_folder, "a.tar.gz"), Epoch, default);
        var two = await LayerNormalizer.NormalizeAsync(second, Path.Combine(_folder, "b.tar.gz"), Epoch, default);

        one.Digest.Should().Be(two.Digest);
        one.DiffId.Should().Be(two.DiffId);
        File.ReadAllBytes(one.Path).Should().Equal(File.ReadAllBytes(two.Path));
    }

    [Fact]
    public async Task Every_time_becomes_the_source_date_and_contents_stay()
    {
        var old = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var path = Path.Combine(_folder, "mixed.tar");
        using (var stream = File.Create(path))
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "new.txt") { ModificationTime = DateTimeOffset.UtcNow, DataStream = new MemoryStream("new"u8.ToArray()) });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "old.txt") { ModificationTime = old, DataStream = new MemoryStream("old"u8.ToArray()) });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "link") { LinkName = "old.txt", ModificationTime = DateTimeOffset.UtcNow });
        }

        var layer = await LayerNormalizer.NormalizeAsync(path, Path.Combine(_folder, "mixed.tar.gz"), Epoch, default);

        var entries = Read(layer.Path);
        entries.Select(e => e.Name).Should().Equal("link", "new.txt", "old.txt");
        entries.Single(e => e.Name == "new.txt").Time.Should().Be(Epoch);
        entries.Single(e => e.Name == "old.txt").Time.Should().Be(Epoch, "a layer from the build cache keeps older times that differ between machines");
        entries.Single(e => e.Name == "old.txt").Content.Should().Be("old");
        entries.Single(e => e.Name == "link").Link.Should().Be("old.txt");
        File.ReadAllBytes(layer.Path)[9].Should().Be(0xff, "the gzip header names no operating system, so every machine writes the same bytes");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Layer(string name, DateTimeOffset time, string[] entries, string owner)
    {
        var path = Path.Combine(_folder, name);
        using var stream = File.Create(path);
        using var writer = new TarWriter(stream, TarEntryFormat.Pax);
        foreach (var entry in entries)
        {
            var directory = entry.EndsWith('/');
            var tar = new PaxTarEntry(directory ? TarEntryType.Directory : TarEntryType.RegularFile, entry)
            {
                ModificationTime = time,
                UserName = owner,
                Mode = directory ? (UnixFileMode)0b111_101_101 : (UnixFileMode)0b110_100_100,
            };
            if (!directory)
            {
                tar.DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("content of " + entry));
            }

            writer.WriteEntry(tar);
        }

        return path;
    }

    private static List<(string Name, DateTimeOffset Time, string? Content, string Link)> Read(string gzipPath)
    {
        using var file = File.OpenRead(gzipPath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        var list = new List<(string, DateTimeOffset, string?, string)>();
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            var content = entry.DataStream is { } data ? new StreamReader(data).ReadToEnd() : null;
            list.Add((entry.Name, entry.ModificationTime, content, entry.LinkName));
        }

        return list;
    }
}
