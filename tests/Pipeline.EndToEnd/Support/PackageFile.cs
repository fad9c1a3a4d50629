using System.IO.Compression;
using System.Xml.Linq;

namespace Pipeline.EndToEnd;

/// <summary>A .nupkg or .snupkg opened as the zip it is: its nuspec and its entries.</summary>
internal sealed class PackageFile : IDisposable
{
    private readonly ZipArchive _zip;

    public PackageFile(string path)
    {
        Path = path;
        _zip = ZipFile.OpenRead(path);
        using var nuspec = _zip.Entries.Single(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.Name.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        Metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    public string Path { get; }

    public XElement Metadata { get; }

    public IReadOnlyList<string> Entries => _zip.Entries.Select(e => e.FullName).ToList();

    /// <summary>The text of a metadata element (<c>id</c>, <c>version</c>, ...), or null.</summary>
    public string? this[string element] => Metadata.Elements().FirstOrDefault(e => e.Name.LocalName == element)?.Value;

    public XElement? Element(string name) => Metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    /// <summary>The dependencies of the net10.0 group: id and version.</summary>
    public IReadOnlyDictionary<string, string> Dependencies =>
        Metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("version")!, StringComparer.Ordinal);

    public IReadOnlyList<string> FrameworkReferences =>
        Metadata.Descendants().Where(e => e.Name.LocalName == "frameworkReference").Select(e => (string)e.Attribute("name")!).ToList();

    public string ReadText(string entry)
    {
        using var reader = new StreamReader(_zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The assembly version and informational version of a dll inside the package.</summary>
    public (Version Version, string? Informational) AssemblyVersions(string entry)
    {
        using var stream = new MemoryStream();
        using (var source = _zip.GetEntry(entry)!.Open())
        {
            source.CopyTo(stream);
        }

        stream.Position = 0;
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var definition = metadata.GetAssemblyDefinition();
        string? informational = null;
        foreach (var handle in definition.GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            var constructor = metadata.GetMemberReference((System.Reflection.Metadata.MemberReferenceHandle)attribute.Constructor);
            var type = metadata.GetTypeReference((System.Reflection.Metadata.TypeReferenceHandle)constructor.Parent);
            if (metadata.GetString(type.Name) != "AssemblyInformationalVersionAttribute")
            {
                continue;
            }

            var blob = metadata.GetBlobReader(attribute.Value);
            blob.ReadUInt16();
            informational = blob.ReadSerializedString();
        }
        return (definition.Version, informational);
    }

    public void Dispose() => _zip.Dispose();
}
