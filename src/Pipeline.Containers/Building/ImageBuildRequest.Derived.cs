using System.Globalization;

namespace Pipeline.Containers;

/// <summary>The values a request implies, checked: the repository, tags, labels and build args.</summary>
internal sealed record ResolvedBuild(
    ImageBuildRequest Request,
    ImageReference Repository,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> BuildArgs,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset Created)
{
    /// <summary>The digest of the build's inputs (<see cref="BuildInputs"/>), also an annotation of the index.</summary>
    public Digest Inputs => Digest.Parse(Annotations[BuildInputs.AnnotationKey]);

    public IReadOnlyList<ImageReference> TagReferences => Tags.Select(Repository.WithTag).ToArray();

    /// <summary>The tag a single platform's image is pushed under before the index is assembled.</summary>
    public ImageReference PlatformTag(Platform platform)
    {
        var tag = $"{Tags[0]}-{platform.Slug}";
        return Repository.WithTag(tag.Length > ImageTag.MaxLength ? tag[..ImageTag.MaxLength] : tag);
    }

    /// <summary>Checks the request (bad input fails here, before anything is built) and derives its values.</summary>
    public static ResolvedBuild From(ImageBuildRequest request, DateTimeOffset now)
    {
        if (!ImageReference.TryParse(request.Repository, out var parsed, out var error) || !IsBareRepository(request.Repository))
        {
            throw new BuildInputException("--image", request.Repository, (error ?? "a repository is expected, without ':tag' or '@digest'; pass tags with --tags") + ".");
        }

        if (request.Platforms.Count == 0)
        {
            throw new BuildInputException("--platforms", string.Empty, "no platform given; pass e.g. linux/amd64,linux/arm64.");
        }

        BuildContextArchive.ResolveInputs(request.Context, request.Dockerfile);
        var tags = new[] { request.ShortCommit }.Concat(request.Tags).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        if (tags.Length == 0)
        {
            throw new BuildInputException("--tags", string.Empty, "the image would have no tag; pass a source commit or --tags.");
        }

        foreach (var tag in tags)
        {
            if (ImageTag.Validate(tag) is { } tagError)
            {
                throw new BuildInputException("--tags", tag, tagError + ".");
            }
        }

        var when = (request.Created ?? now).ToUniversalTime();
        when = new DateTimeOffset(when.Ticks - (when.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var created = when.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var oci = new Dictionary<string, string>(StringComparer.Ordinal) { ["org.opencontainers.image.created"] = created };
        Put(oci, "org.opencontainers.image.revision", request.SourceCommit);
        Put(oci, "org.opencontainers.image.source", request.SourceUrl);
        Put(oci, "org.opencontainers.image.version", request.Version);
        var labels = new Dictionary<string, string>(oci, StringComparer.Ordinal);
        foreach (var (key, value) in request.Labels)
        {
            labels[key] = value;
        }

        var args = ArgsOf(request);
        oci[BuildInputs.AnnotationKey] = BuildInputs.Compute(request, args, labels).ToString();
        return new ResolvedBuild(request, parsed.WithoutTagOrDigest(), tags, labels, args, oci, when);
    }

    /// <summary>The build args: <c>VERSION</c> and <c>COMMIT</c> from the request, then the request's own.</summary>
    public static Dictionary<string, string> ArgsOf(ImageBuildRequest request)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        Put(args, "VERSION", request.Version ?? request.ShortCommit);
        Put(args, "COMMIT", request.SourceCommit);
        foreach (var (key, value) in request.BuildArgs)
        {
            args[key] = value;
        }

        return args;
    }

    private static bool IsBareRepository(string text)
    {
        var lastSlash = text.LastIndexOf('/');
        return !text.Contains('@', StringComparison.Ordinal) && text.IndexOf(':', lastSlash + 1) < 0;
    }

    private static void Put(Dictionary<string, string> values, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            values[key] = value;
        }
    }
}
