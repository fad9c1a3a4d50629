using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Containers;

/// <summary>
/// The digest of everything a build reads: the context files the Docker CLI would send (path, kind, permissions and
/// content; <c>.dockerignore</c> honoured; never times or owners, so two clones agree), the Dockerfile, the build
/// arguments, the labels (but the creation time), the target stage and the platforms in order. It is stored on the index as the annotation
/// <see cref="AnnotationKey"/>; an image is reused only when that annotation equals the digest of the request.
/// </summary>
public static class BuildInputs
{
    /// <summary>The index annotation that holds the digest.</summary>
    public const string AnnotationKey = "io.github.pipeline-build.inputs";

    private const string Header = "pipeline build inputs v1";
    private const string CreatedLabel = "org.opencontainers.image.created";

    /// <summary>The digest of the inputs of <paramref name="request"/>, with <paramref name="now"/> standing in for an unset <see cref="ImageBuildRequest.Created"/>.</summary>
    public static Digest Compute(ImageBuildRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var build = ResolvedBuild.From(request, now);
        return build.Annotations[AnnotationKey] is { } text ? Digest.Parse(text) : throw new InvalidOperationException("No inputs digest.");
    }

    /// <summary>Hashes the inputs; <paramref name="buildArgs"/> and <paramref name="labels"/> are the resolved ones.</summary>
    internal static Digest Compute(
        ImageBuildRequest request,
        IReadOnlyDictionary<string, string> buildArgs,
        IReadOnlyDictionary<string, string> labels)
    {
        var (context, dockerfile) = BuildContextArchive.ResolveInputs(request.Context, request.Dockerfile);
        var inside = BuildContextArchive.DockerfileInside(context, dockerfile);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Line(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text.Replace("\n", "\\n", StringComparison.Ordinal) + "\n"));

        Line(Header);
        Line("dockerfile " + FileDigest(dockerfile));
        Line("target " + (request.Target ?? string.Empty));
        foreach (var platform in request.Platforms)
        {
            Line("platform " + platform);
        }

        foreach (var (key, value) in buildArgs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Line($"arg {key}={value}");
        }

        // The creation time is a stamp, not an input: an image is reused whenever it was built from the same files.
        foreach (var (key, value) in labels.Where(p => p.Key != CreatedLabel).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Line($"label {key}={value}");
        }

        foreach (var entry in BuildContextFiles.Enumerate(context, BuildContextFiles.IgnoreRules(context, inside)))
        {
            var info = new FileInfo(entry.FullPath);
            var mode = Convert.ToString((int)info.UnixFileMode, 8).PadLeft(4, '0');
            var line = info.LinkTarget is { } target ? $"link {mode} {entry.RelativePath} -> {target}"
                : Directory.Exists(entry.FullPath) ? $"dir {mode} {entry.RelativePath}"
                : $"file {mode} {entry.RelativePath} {FileDigest(entry.FullPath)} {info.Length.ToString(CultureInfo.InvariantCulture)}";
            Line(line);
        }

        return Digest.Parse("sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static string FileDigest(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
