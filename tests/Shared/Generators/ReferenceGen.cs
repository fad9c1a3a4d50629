using CsCheck;
using Pipeline.Containers;

namespace Pipeline.Tests.Shared;

/// <summary>A reference as its parts, the text it is written as, and what parsing must normalise it to.</summary>
internal sealed record ReferenceParts(string? Registry, string Repository, string? Tag, string? Digest)
{
    public string Text => (Registry is null ? "" : Registry + "/") + Repository + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    public string ExpectedRegistry => Registry is null or "index.docker.io" ? ImageReference.DockerHub : Registry;

    public string ExpectedRepository => ExpectedRegistry == ImageReference.DockerHub && !Repository.Contains('/') ? "library/" + Repository : Repository;

    public override string ToString() => Text;
}

/// <summary>CsCheck generators of image references, valid by the distribution grammar, and of near misses.</summary>
internal static class ReferenceGen
{
    private const string Lower = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string TagCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-";

    private static readonly Gen<string> Alphanumeric = Gen.String[Gen.Char[Lower], 1, 6];

    private static readonly Gen<string> PathComponent = Gen.Select(
        Alphanumeric,
        Gen.Select(Gen.OneOf(".", "_", "__", "-", "---"), Alphanumeric, (separator, word) => separator + word).Array[0, 2],
        (first, rest) => first + string.Concat(rest));

    private static readonly Gen<string> Repository = PathComponent.Array[1, 3].Select(components => string.Join('/', components));

    private static readonly Gen<string> Port = Gen.Int[1, 65535].Select(p => ":" + p.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static readonly Gen<string> Label = Gen.Select(
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzABCXYZ0123456789"], 1, 6], Gen.Bool, (text, dash) => dash && text.Length > 1 ? text[0] + "-" + text[1..] : text);

    private static readonly Gen<string> Domain = Label.Array[2, 3].Select(labels => string.Join('.', labels));

    /// <summary>Registries that the Docker rule recognises as one: a dot, a port, or <c>localhost</c>.</summary>
    private static readonly Gen<string?> Registry = Gen.Frequency<string?>(
        (3, Gen.Const((string?)null)),
        (1, Gen.OneOf<string?>("docker.io", "index.docker.io", "ghcr.io", "localhost")),
        (3, Gen.Select(Domain, Port.Array[0, 1], (domain, port) => (string?)(domain + string.Concat(port)))),
        (2, Gen.Select(Gen.OneOf("localhost", "127.0.0.1", "[::1]", "[fe80::1]", "Registry"), Port, (host, port) => (string?)(host + port))));

    /// <summary>Tags of the grammar <c>[\w][\w.-]{0,127}</c>, with many that YAML would read as a number, a date or a boolean.</summary>
    public static readonly Gen<string> Tag = Gen.Frequency(
        (4, Gen.Select(Gen.Char[TagCharacters[..^2]], Gen.String[Gen.Char[TagCharacters], 0, 20], (first, rest) => first + rest)),
        (4, YamlLookalike()),
        (1, Gen.Select(Gen.Char[TagCharacters[..^2]], Gen.String[Gen.Char[TagCharacters], 100, ImageTag.MaxLength - 1], (first, rest) => first + rest)));

    public static readonly Gen<string> Digest = Gen.Frequency(
        (4, Gen.String[Gen.Char["0123456789abcdef"], 64, 64].Select(hex => "sha256:" + hex)),
        (1, Gen.String[Gen.Char["0123456789abcdef"], 128, 128].Select(hex => "sha512:" + hex)));

    public static readonly Gen<ReferenceParts> Parts = Gen.Select(
        Registry, Repository, Tag.Null(), Digest.Null(),
        (registry, repository, tag, digest) => new ReferenceParts(registry, registry is null ? Unambiguous(repository) : repository, tag, digest));

    /// <summary>A valid reference with one character inserted, replaced or removed: mostly invalid, sometimes not.</summary>
    public static readonly Gen<string> NearMiss = Gen.Select(
        Parts, Gen.Int[0, 2], Gen.Int[0, 1000], Gen.Char[" \t\n\r:@/[]%#'\"{}*&!|>AZ._-é\0+,?=~^$\\`"],
        (parts, operation, at, c) =>
        {
            var text = parts.Text;
            var i = at % (text.Length + 1);
            return operation switch
            {
                0 => text.Insert(i, c.ToString()),
                1 when i < text.Length => text[..i] + c + text[(i + 1)..],
                _ when i < text.Length => text.Remove(i, 1),
                _ => text + c,
            };
        });

    /// <summary>Nullable: about one value in three is null.</summary>
    private static Gen<string?> Null(this Gen<string> gen) => Gen.Frequency((1, Gen.Const((string?)null)), (2, gen.Select(s => (string?)s)));

    /// <summary>Without a registry, a first component with a dot would be read as one (as Docker does), so it gets a dash.</summary>
    private static string Unambiguous(string repository) =>
        repository.Contains('/') ? repository[..repository.IndexOf('/')].Replace('.', '-') + repository[repository.IndexOf('/')..] : repository;

    /// <summary>Tags made of digits, dots, underscores and the letters of exponents, bases, booleans and nulls.</summary>
    private static Gen<string> YamlLookalike() => Gen.Frequency(
        (3, Gen.Select(Gen.Char["0123456789"], Gen.String[Gen.Char["0123456789._eE-xob"], 0, 8], (first, rest) => first + rest)),
        (1, Gen.OneOf("true", "False", "yes", "No", "on", "OFF", "y", "N", "null", "NULL", "Null", "_", "1e3", "0x1F", "0o17", "0b101", "1_000", "1.", "190_20", "2024-01-01", "2024-1-1", "2002-12-14", "1.0e-5", "12e03", "6.8523015e5")),
        (1, Gen.Select(Gen.Int[1900, 2100], Gen.Int[1, 12], Gen.Int[1, 31], Gen.Bool, (y, m, d, pad) => pad ? $"{y:D4}-{m:D2}-{d:D2}" : $"{y}-{m}-{d}")));
}
