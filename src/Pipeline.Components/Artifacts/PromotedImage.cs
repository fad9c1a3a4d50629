using Pipeline.Containers;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>
/// The pinned image BumpGitOps promotes: <c>--image-reference</c> when given, else <c>artifacts/image.json</c>, which must
/// be of the configured <c>--image</c> and of the checkout's commit (a rehearsal's or an older build's record is refused).
/// </summary>
/// <param name="Reference">The pinned reference, with the tag to promote.</param>
/// <param name="BuiltFrom">The commit the image was built from, when the record says.</param>
/// <param name="Description">Where it came from, for settings and logs.</param>
internal sealed record PromotedImage(ImageReference Reference, string? BuiltFrom, string Description)
{
    /// <summary>A digest no image has: what a dry run names when nothing was built.</summary>
    public static readonly Digest Placeholder = Digest.Parse("sha256:" + new string('0', 64));

    /// <summary>The parsed <c>--image-reference</c>; throws <see cref="BuildException"/> saying what is wrong.</summary>
    public static ImageReference Explicit(IHazGitOps build, string text)
    {
        if (!ImageReference.TryParse(text, out var parsed, out var error))
        {
            throw new BuildException($"--image-reference '{text}' is not an image reference: {error}.");
        }

        if (parsed.Tag is null || parsed.Digest is null || !text.Contains('@', StringComparison.Ordinal))
        {
            throw new BuildException($"--image-reference '{text}' must pin a digest and name a tag: repo:tag@sha256:<64 hex>.");
        }

        if (build.PromoteTag is { } tag && tag != parsed.Tag)
        {
            throw new BuildException($"--promote-tag {tag} differs from the tag of --image-reference ({parsed.Tag}); give one of them.");
        }

        return parsed;
    }

    /// <summary>
    /// The record in <c>artifacts/image.json</c>, checked against <c>--image</c> and <paramref name="head"/>; throws
    /// <see cref="BuildException"/> naming the record's origin when it is of another image or commit.
    /// </summary>
    public static async Task<PromotedImage> FromRecordAsync(IBumpGitOps build, string head, CancellationToken cancellationToken)
    {
        var path = build.ImageRecordPath;
        var relative = path.RelativeTo(build.RootDirectory);
        if (!path.FileExists())
        {
            throw new BuildException($"no pinned image: {relative} is missing.");
        }

        PinnedImage pinned;
        try
        {
            pinned = await PinnedImage.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (ContainerException exception)
        {
            throw new BuildException(exception.Message);
        }
        var origin = ImageOrigin.Read(path);
        var by = origin is null ? "" : $", written by {origin}";
        if (build.Image is { } configured && ImageReference.TryParse(configured, out var repository, out _) && repository.Name != ImageReference.ForRepository(pinned.Repository).Name)
        {
            throw new BuildException($"{relative} holds {pinned.Reference}{by}, which is not an image of --image {configured}.");
        }

        if (pinned.SourceCommit is { } commit && !string.Equals(commit, head, StringComparison.OrdinalIgnoreCase))
        {
            throw new BuildException($"{relative} holds {pinned.Reference}, built from {Short(commit)}{by}, but the checkout is at {Short(head)}.");
        }

        var reference = pinned.Reference;
        if (build.PromoteTag is { } promoted)
        {
            reference = pinned.Tags.Contains(promoted)
                ? ImageReference.ForRepository(pinned.Repository).WithTag(promoted).WithDigest(pinned.Digest)
                : throw new BuildException($"--promote-tag {promoted} is not a tag of {pinned.Repository}@{pinned.Digest}; its tags: {string.Join(", ", pinned.Tags)}.");
        }
        return new PromotedImage(reference, pinned.SourceCommit, $"{relative}{by}");
    }

    /// <summary>What this run will build: <c>--image</c> at the checkout's short commit (or <c>--promote-tag</c>), digest not known yet.</summary>
    public static PromotedImage Planned(IBumpGitOps build, string head)
    {
        var tag = build.PromoteTag ?? head[..Math.Min(7, head.Length)];
        return new PromotedImage(ImageReference.ForRepository(build.Image!).WithTag(tag).WithDigest(Placeholder), head, "built by this run");
    }

    /// <summary>
    /// A dry run builds nothing: it promotes the record when it is of this image and commit (a real build ran before),
    /// else the image this run would build, with a placeholder digest.
    /// </summary>
    public static async Task<PromotedImage> ForDryRunAsync(IBumpGitOps build, string head, CancellationToken cancellationToken)
    {
        try
        {
            return await FromRecordAsync(build, head, cancellationToken).ConfigureAwait(false);
        }
        catch (BuildException) when (build.Image is not null)
        {
            return Planned(build, head) with { Description = "dry run: nothing built, so the digest is a placeholder" };
        }
    }

    /// <summary>How to fix a refused record.</summary>
    public static string RecordFix(IBumpGitOps build) =>
        $"run CaptureDigest for --image {build.Image ?? "<repository>"} (drop --skip), or promote a given image on purpose with --image-reference repo:tag@sha256:<digest>.";

    private static string Short(string commit) => commit[..Math.Min(12, commit.Length)];
}
