using System.Security.Cryptography;
using System.Text;
using Pipeline.Containers;

namespace Pipeline.Promotion.Tests.Support;

/// <summary>Pinned image references with digests derived from a seed text, so each test has its own.</summary>
public static class Images
{
    public static Digest DigestOf(string seed) =>
        Digest.Parse("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed))));

    public static ImageReference Pinned(string repository, string tag) =>
        ImageReference.ForRepository(repository).WithTag(tag).WithDigest(DigestOf(repository + ":" + tag));
}
