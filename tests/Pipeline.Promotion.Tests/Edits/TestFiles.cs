using Pipeline.Containers;
using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.Edits;

/// <summary>Golden files under testdata/edits and the images the tests pin.</summary>
internal static class TestFiles
{
    public const string NewDigest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static readonly ImageReference App = ImageReference.Parse("ghcr.io/org/app:1.4.2@" + NewDigest);

    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "testdata", "edits", relative);

    public static ManifestDocument Load(string relative) => ManifestDocument.Load(PathOf(relative), relative);

    public static byte[] Bytes(string relative) => File.ReadAllBytes(PathOf(relative));

    public static ManifestDocument Yaml(string text, string path = "manifest.yaml") => ManifestDocument.FromText(path, text);

    public static ImageReference Image(string reference) => ImageReference.Parse(reference);
}
