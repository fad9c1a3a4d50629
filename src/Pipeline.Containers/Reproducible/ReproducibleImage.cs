using System.Formats.Tar;
using System.Text.Json;

namespace Pipeline.Containers;

/// <summary>
/// One platform's image taken out of the engine (<c>GET /images/{id}/get</c>) and rewritten so that the same inputs
/// give the same manifest digest on every machine: normalised layers (<see cref="LayerNormalizer"/>), a normalised
/// config (<see cref="ImageConfigNormalizer"/>) and an OCI manifest. Pushed through the registry API by digest, so no
/// engine push, no per-platform tag and no read-back are needed. The files live in a temporary folder until disposed.
/// </summary>
internal sealed class ReproducibleImage : IDisposable
{
    private readonly string _folder;

    private ReproducibleImage(string folder, byte[] config, IReadOnlyList<NormalizedLayer> layers)
    {
        _folder = folder;
        Config = config;
        Layers = layers;
        var manifest = new OciManifest(
            MediaTypes.OciManifest,
            new OciDescriptor(MediaTypes.OciConfig, Digest.Compute(config), config.LongLength),
            layers.Select(l => new OciDescriptor(MediaTypes.OciLayerGzip, l.Digest, l.Size)).ToArray());
        Manifest = JsonSerializer.SerializeToUtf8Bytes(manifest, ContainersJsonContext.Default.OciManifest);
        Digest = Digest.Compute(Manifest);
    }

    public byte[] Config { get; }

    /// <summary>An image of layers already written (normalised) into <paramref name="folder"/>, which it then owns.</summary>
    public static ReproducibleImage Of(string folder, byte[] config, IReadOnlyList<NormalizedLayer> layers) => new(folder, config, layers);

    public IReadOnlyList<NormalizedLayer> Layers { get; }

    public byte[] Manifest { get; }

    public Digest Digest { get; }

    /// <summary>Exports <paramref name="image"/> from the engine and normalises it to <paramref name="epoch"/>.</summary>
    public static async Task<ReproducibleImage> ExportAsync(DockerEngineClient engine, string image, DateTimeOffset epoch, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("pipeline-image-").FullName;
        try
        {
            var links = new Dictionary<string, string>(StringComparer.Ordinal);
            await using (var export = await engine.ExportImageAsync(image, cancellationToken).ConfigureAwait(false))
            await using (var reader = new TarReader(export))
            {
                while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
                {
                    var name = IgnorePattern.CleanPath(entry.Name);
                    if (name.StartsWith("..", StringComparison.Ordinal) || name.StartsWith('/'))
                    {
                        throw new DockerEngineException($"The engine exported {image} with an entry outside the archive ({entry.Name}).");
                    }

                    if (entry.EntryType == TarEntryType.SymbolicLink)
                    {
                        links[name] = IgnorePattern.CleanPath(Path.GetDirectoryName(name) + "/" + entry.LinkName);
                    }
                    else if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                    {
                        var path = Path.Combine(folder, "export", name);
                        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                        await entry.ExtractToFileAsync(path, overwrite: true, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            string Resolve(string name) => Path.Combine(folder, "export", links.TryGetValue(IgnorePattern.CleanPath(name), out var target) ? target : name);
            var saved = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(Resolve("manifest.json"), cancellationToken).ConfigureAwait(false), ContainersJsonContext.Default.SavedImageArray);
            var first = saved is { Length: 1 } ? saved[0] : throw new DockerEngineException($"The engine exported {image} as {saved?.Length ?? 0} images; expected one.");
            var layers = await Task.WhenAll(first.Layers.Select((layer, i) =>
                LayerNormalizer.NormalizeAsync(Resolve(layer), Path.Combine(folder, $"layer-{i}.tar.gz"), epoch, cancellationToken))).ConfigureAwait(false);
            var config = ImageConfigNormalizer.Normalize(await File.ReadAllBytesAsync(Resolve(first.Config), cancellationToken).ConfigureAwait(false), layers.Select(l => l.DiffId).ToArray(), epoch);
            Directory.Delete(Path.Combine(folder, "export"), recursive: true);
            return new ReproducibleImage(folder, config, layers);
        }
        catch (IOException exception) when (exception is HttpIOException || exception.InnerException is System.Net.Sockets.SocketException)
        {
            Directory.Delete(folder, recursive: true);
            throw new DockerEngineUnavailableException(engine.Endpoint, exception);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>Pushes the layers and config the repository lacks, then the manifest by digest (and under <paramref name="tag"/> when given).</summary>
    public async Task<OciDescriptor> PushAsync(RegistryClient registry, ImageReference repository, ImageReference? tag, CancellationToken cancellationToken)
    {
        await Task.WhenAll(Layers.Select(layer => registry.PushBlobAsync(repository, layer.Digest, layer.Size, () => File.OpenRead(layer.Path), cancellationToken))
            .Append(registry.PushBlobAsync(repository, Digest.Compute(Config), Config.LongLength, () => new MemoryStream(Config, writable: false), cancellationToken)))
            .ConfigureAwait(false);
        await registry.PutManifestAsync(repository.AtDigest(Digest), MediaTypes.OciManifest, Manifest, cancellationToken).ConfigureAwait(false);
        if (tag is not null)
        {
            await registry.PutManifestAsync(tag, MediaTypes.OciManifest, Manifest, cancellationToken).ConfigureAwait(false);
        }

        return new OciDescriptor(MediaTypes.OciManifest, Digest, Manifest.LongLength);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
