namespace Pipeline.Containers;

/// <summary>
/// CaptureDigest: resolves the pushed tags in the registry, checks they point at the digest the build reported,
/// checks every requested platform is in the index (ignoring <c>unknown/unknown</c> attestation entries), and proves
/// each platform by reading its image config. Nothing is taken from the local engine: only the registry is trusted.
/// </summary>
public sealed class DigestCapture(RegistryClient registry, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Captures what <paramref name="built"/> says it pushed.</summary>
    public Task<PinnedImage> CaptureAsync(BuiltImage built, IReadOnlyList<Platform>? platforms = null, CancellationToken cancellationToken = default) =>
        CaptureAsync(CaptureRequest.From(built, platforms), cancellationToken);

    /// <summary>Captures the image <paramref name="request"/> describes.</summary>
    public async Task<PinnedImage> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Tags.Count == 0)
        {
            throw new BuildInputException("--tags", string.Empty, "there is no tag to resolve.");
        }

        var repository = ImageReference.ForRepository(request.Repository);
        var first = repository.WithTag(request.Tags[0]);
        var manifest = await registry.GetManifestAsync(first, cancellationToken).ConfigureAwait(false);
        if (request.ExpectedDigest is { } expected && expected != manifest.Digest)
        {
            throw new TagMovedException(first, expected, manifest.Digest);
        }

        foreach (var tag in request.Tags.Skip(1))
        {
            var other = repository.WithTag(tag);
            var head = await registry.HeadManifestAsync(other, cancellationToken).ConfigureAwait(false)
                ?? throw new ManifestUnknownException(other, "HEAD", registry.BaseUri(repository.Registry), null);
            if (head.Digest != manifest.Digest)
            {
                throw new TagMovedException(other, manifest.Digest, head.Digest);
            }
        }

        var platforms = await ProveAsync(repository, manifest, request.Platforms, cancellationToken).ConfigureAwait(false);
        return new PinnedImage(repository.ToString(), request.Tags, manifest.Digest, manifest.MediaType, platforms)
        {
            SourceCommit = request.SourceCommit,
            Version = request.Version,
            Strategy = request.Strategy,
            CapturedAt = _time.GetUtcNow(),
        };
    }

    /// <summary>
    /// The check before a pin is promoted, whatever it came from (CaptureDigest's record, <c>--image-reference</c>, a
    /// dispatch payload): <paramref name="pinned"/>'s digest is resolved in the registry (the tag is not trusted), a
    /// request for several platforms refuses a single-platform manifest, and every platform is proved by its config.
    /// </summary>
    /// <returns>The manifest as the registry holds it and the proved platforms.</returns>
    /// <exception cref="ManifestMediaTypeException">Several platforms were asked for and the digest names one manifest.</exception>
    /// <exception cref="RegistryUnreachableException">The registry cannot be reached; nothing was checked.</exception>
    public async Task<(RegistryManifest Manifest, IReadOnlyList<PinnedPlatform> Platforms)> VerifyPinAsync(
        ImageReference pinned,
        IReadOnlyList<Platform> platforms,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pinned);
        var digest = pinned.Digest ?? throw new BuildInputException("--image-reference", pinned.ToString(), "a pinned image names a digest: repo:tag@sha256:<64 hex>.");
        var repository = pinned.WithoutTagOrDigest();
        var manifest = await registry.GetManifestAsync(repository.AtDigest(digest), cancellationToken).ConfigureAwait(false);
        return (manifest, await ProveAsync(repository, manifest, platforms, cancellationToken).ConfigureAwait(false));
    }

    private async Task<PinnedPlatform[]> ProveAsync(ImageReference repository, RegistryManifest manifest, IReadOnlyList<Platform> required, CancellationToken cancellationToken)
    {
        if (manifest.Index is { } index)
        {
            return await ProveIndexAsync(repository, manifest.Reference, index, required, cancellationToken).ConfigureAwait(false);
        }

        if (required.Count > 1)
        {
            throw new ManifestMediaTypeException(manifest.Reference, manifest.MediaType, required);
        }

        return [await ProveSingleAsync(repository, manifest, required, cancellationToken).ConfigureAwait(false)];
    }

    private async Task<PinnedPlatform[]> ProveIndexAsync(
        ImageReference repository,
        ImageReference tag,
        OciIndex index,
        IReadOnlyList<Platform> required,
        CancellationToken cancellationToken)
    {
        var entries = index.ImageEntries().Where(e => e.Platform is not null).ToArray();
        var present = entries.Select(e => e.Platform!.ToPlatform()).ToArray();
        var missing = required.Where(p => !present.Contains(p)).ToArray();
        if (missing.Length > 0)
        {
            throw new PlatformMissingException(tag, missing, present);
        }

        return await Task.WhenAll(entries.Select(async entry =>
        {
            var platform = entry.Platform!.ToPlatform();
            var reference = repository.AtDigest(entry.Digest);
            var child = await registry.GetManifestAsync(reference, cancellationToken).ConfigureAwait(false);
            var config = child.Manifest is { } m
                ? await registry.GetImageConfigAsync(repository, m, cancellationToken).ConfigureAwait(false)
                : throw new ContainerException($"The index entry {reference} for {platform} is not an image manifest ({child.MediaType}).");
            return Prove(reference, platform, entry.MediaType, entry.Size, config);
        })).ConfigureAwait(false);
    }

    private async Task<PinnedPlatform> ProveSingleAsync(ImageReference repository, RegistryManifest manifest, IReadOnlyList<Platform> required, CancellationToken cancellationToken)
    {
        var config = await registry.GetImageConfigAsync(repository, manifest.Manifest!, cancellationToken).ConfigureAwait(false);
        var platform = config.ToPlatform();
        var missing = required.Where(p => p != platform).ToArray();
        if (missing.Length > 0)
        {
            throw new PlatformMissingException(manifest.Reference, missing, [platform]);
        }

        return Prove(repository.AtDigest(manifest.Digest), platform, manifest.MediaType, manifest.Content.LongLength, config);
    }

    private static PinnedPlatform Prove(ImageReference reference, Platform listed, string mediaType, long size, OciImageConfig config)
    {
        var declared = config.ToPlatform();
        if (declared.Os != listed.Os || declared.Architecture != listed.Architecture
            || (listed.Variant is not null && declared.Variant is not null && listed.Variant != declared.Variant))
        {
            throw new PlatformMismatchException(reference.ToString(), listed, declared);
        }

        return new PinnedPlatform(listed, reference.Digest!, mediaType, size) { ConfigArchitecture = config.Architecture, ConfigOs = config.Os };
    }
}
