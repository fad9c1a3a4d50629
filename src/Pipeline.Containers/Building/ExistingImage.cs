namespace Pipeline.Containers;

/// <summary>
/// Finds an image already pushed from exactly the request's inputs, so that building them again pushes nothing: the
/// first tag must name an index whose <see cref="BuildInputs.AnnotationKey"/> annotation is the digest of the
/// request's inputs (context files, Dockerfile, build arguments, labels, target, platforms) and that lists every
/// requested platform. Any change to an input, committed or not, gives another digest and so a build. Tags asked for
/// that do not name it yet are pointed at it (the same index bytes, so the digest stays).
/// </summary>
internal static class ExistingImage
{
    public static async Task<BuiltImage?> FindAsync(ResolvedBuild build, ImageBuilderOptions options, CancellationToken cancellationToken)
    {
        var request = build.Request;
        using var registry = options.CreateRegistryClient(request, build.Repository);
        var first = build.Repository.WithTag(build.Tags[0]);
        if (await registry.HeadManifestAsync(first, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var manifest = await registry.GetManifestAsync(first, cancellationToken).ConfigureAwait(false);
        if (manifest.Index is not { } index || !Matches(index.Annotations, BuildInputs.AnnotationKey, build.Inputs.ToString()))
        {
            options.Output?.Report($"{first} was built from other inputs than {build.Inputs.Short}; building.");
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

        options.Output?.Report($"{first}@{manifest.Digest} was already built from the same inputs ({build.Inputs.Short}) for {string.Join(", ", request.Platforms)}; nothing to build.");
        return new BuiltImage(build.Repository.ToString(), build.Tags, manifest.Digest, manifest.MediaType, images.Where(i => request.Platforms.Contains(i.Platform)).ToArray())
        {
            Labels = build.Labels,
            SourceCommit = request.SourceCommit,
            Version = request.Version,
            Strategy = "reused",
            Inputs = build.Inputs,
        };
    }

    private static bool Matches(IReadOnlyDictionary<string, string>? annotations, string key, string expected) =>
        annotations is not null && annotations.TryGetValue(key, out var value) && value == expected;
}
