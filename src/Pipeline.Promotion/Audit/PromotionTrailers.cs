namespace Pipeline.Promotion;

/// <summary>
/// The git trailers every promotion commit carries, and their reading back: the monotonic guard learns which
/// source commit produced the pin in place from the <c>Source-Commit:</c> trailer of the last promotion commit of
/// the same image and environment.
/// </summary>
public sealed record PromotionTrailers
{
    /// <summary>Trailer names, in the order they are written.</summary>
    public static readonly IReadOnlyList<string> Names = ["Promoted-Image", "Image-Digest", "Source-Repository", "Source-Commit", "Environment", "CI-Run"];

    /// <summary><c>Promoted-Image:</c> the pinned reference.</summary>
    public string? PromotedImage { get; init; }

    /// <summary><c>Image-Digest:</c> the digest.</summary>
    public string? ImageDigest { get; init; }

    /// <summary><c>Source-Repository:</c>.</summary>
    public string? SourceRepository { get; init; }

    /// <summary><c>Source-Commit:</c>.</summary>
    public string? SourceCommit { get; init; }

    /// <summary><c>Environment:</c>.</summary>
    public string? Environment { get; init; }

    /// <summary><c>CI-Run:</c>.</summary>
    public string? CiRun { get; init; }

    /// <summary>The trailer block (lines <c>Name: value</c>; names without a value are left out).</summary>
    public string Format()
    {
        var lines = Values().Where(v => !string.IsNullOrWhiteSpace(v.Value)).Select(v => $"{v.Name}: {SingleLine(v.Value!)}");
        return string.Join('\n', lines);
    }

    /// <summary>Reads the trailers found in a commit message (the last value of each name wins).</summary>
    public static PromotionTrailers Parse(string message)
    {
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in (message ?? "").Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && Names.Contains(line[..colon], StringComparer.OrdinalIgnoreCase))
            {
                found[line[..colon]] = line[(colon + 1)..].Trim();
            }
        }

        return new PromotionTrailers
        {
            PromotedImage = found.GetValueOrDefault("Promoted-Image"),
            ImageDigest = found.GetValueOrDefault("Image-Digest"),
            SourceRepository = found.GetValueOrDefault("Source-Repository"),
            SourceCommit = found.GetValueOrDefault("Source-Commit"),
            Environment = found.GetValueOrDefault("Environment"),
            CiRun = found.GetValueOrDefault("CI-Run"),
        };
    }

    internal static string SingleLine(string value) =>
        new string([.. value.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();

    private IEnumerable<(string Name, string? Value)> Values() =>
    [
        ("Promoted-Image", PromotedImage), ("Image-Digest", ImageDigest), ("Source-Repository", SourceRepository),
        ("Source-Commit", SourceCommit), ("Environment", Environment), ("CI-Run", CiRun),
    ];
}
