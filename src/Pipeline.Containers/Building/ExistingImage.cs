namespace Pipeline.Containers;

/// <summary>
/// Finds an image already pushed for the request's source commit, so that building an unchanged commit again pushes
/// nothing: the short-commit tag must name an index whose <c>org.opencontainers.image.revision</c> (and version, when
/// given) match the request and that lists every requested platform. Tags asked for that do not name it yet are
/// pointed at it (the same index bytes, so the digest stays).
/// </summary>
internal static class ExistingImage
{
    private const string Revision = "org.opencontainers.image.revision";
    private const string Version = "org.opencontainers.image.version";

    public static async Task<BuiltImage?> FindAsync(ImageBuildRequest request, ImageBuilderOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.SourceCommit))
        {
            return null;
        }

        var build = ResolvedBuild.From(request, options.Time.GetUtcNow());
        using var registry = options.CreateRegistryClient(request, build.Repository);
        var first = build.Repository.WithTag(build.Tags[0]);
        if (await registry.HeadManifestAsync(first, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var manifest = await registry.GetManifestAsync(first, cancellationToken).ConfigureAwait(false);
        if (manifest.Index is not { } index || !Matches(index.Annotations, Revision, request.SourceCommit)
            || (request.Version is { } version && !Matches(index.Annotations, Version, version)))
        {
            return null;
        }

        var images = index.ImageEntries()
            .Where(entry => entry.Platform is not null)
            .Select(entry => new PlatformImage(entry.Platform!.ToPlatform(), entry.Digest, entry.MediaType, entry.Size))
            .ToArray();
        if (request.Platforms.Any(platform => images.All(image => image.Platform != platform)))
        {
            return null;
        }

        foreach (var tag in build.TagReferences.Skip(1))
        {
            var head = await registry.HeadManifestAsync(tag, cancellationToken).ConfigureAwait(false);
            if (head?.Digest != manifest.Digest)
            {
                await registry.PutManifestAsync(tag, manifest.MediaType, manifest.Content, cancellationToken).ConfigureAwait(false);
            }
        }

        options.Output?.Report($"{first}@{manifest.Digest} was already built from {request.SourceCommit} for {string.Join(", ", request.Platforms)}; nothing to build.");
        return new BuiltImage(build.Repository.ToString(), build.Tags, manifest.Digest, manifest.MediaType, images.Where(i => request.Platforms.Contains(i.Platform)).ToArray())
        {
            Labels = build.Labels,
            SourceCommit = request.SourceCommit,
            Version = request.Version,
            Strategy = "reused",
        };
    }

    private static bool Matches(IReadOnlyDictionary<string, string>? annotations, string key, string expected) =>
        annotations is not null && annotations.TryGetValue(key, out var value) && value == expected;
}
