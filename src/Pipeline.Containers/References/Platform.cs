using System.Diagnostics.CodeAnalysis;

namespace Pipeline.Containers;

/// <summary>
/// An image platform such as <c>linux/amd64</c> or <c>linux/arm/v7</c>, normalised as BuildKit does:
/// <c>aarch64</c> is <c>arm64</c>, <c>x86_64</c> is <c>amd64</c>, <c>linux/arm64/v8</c> is <c>linux/arm64</c>.
/// Unknown operating systems and architectures are rejected with the list of known ones.
/// </summary>
public sealed record Platform(string Os, string Architecture, string? Variant = null)
{
    private static readonly string[] KnownOs = ["linux", "windows", "darwin", "freebsd", "netbsd", "openbsd", "solaris", "illumos", "aix", "plan9"];

    private static readonly string[] KnownArchitectures =
        ["amd64", "arm64", "arm", "386", "ppc64le", "ppc64", "s390x", "riscv64", "mips64le", "mips64", "mipsle", "mips", "loong64", "wasm"];

    /// <summary>The platform of attestation manifests in an index, which is not an image platform.</summary>
    public static Platform Unknown { get; } = new("unknown", "unknown");

    /// <summary><c>linux/amd64</c>.</summary>
    public static Platform LinuxAmd64 { get; } = new("linux", "amd64");

    /// <summary><c>linux/arm64</c>.</summary>
    public static Platform LinuxArm64 { get; } = new("linux", "arm64");

    /// <summary>The platforms built when none are asked for: <c>linux/amd64,linux/arm64</c>.</summary>
    public static IReadOnlyList<Platform> Defaults { get; } = [LinuxAmd64, LinuxArm64];

    /// <summary>True for the <c>unknown/unknown</c> entries that carry attestations.</summary>
    public bool IsUnknown => Os == "unknown" || Architecture == "unknown";

    /// <summary>Parses <c>os/arch[/variant]</c>; throws <see cref="InvalidImageReferenceException"/> naming the known values.</summary>
    public static Platform Parse(string value) =>
        TryParse(value, out var platform, out var error) ? platform : throw new InvalidImageReferenceException(value, error);

    /// <summary>Parses a comma-separated list such as <c>linux/amd64,linux/arm64</c>, removing duplicates.</summary>
    public static IReadOnlyList<Platform> ParseList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Parse)
            .Distinct()
            .ToArray();

    /// <summary>Parses <c>os/arch[/variant]</c>; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out Platform? platform, [NotNullWhen(false)] out string? error)
    {
        platform = null;
        var parts = (value ?? string.Empty).Trim().ToLowerInvariant().Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0))
        {
            error = $"platform '{value}' is not of the form os/arch[/variant], e.g. linux/amd64";
            return false;
        }

        var (os, architecture, variant) = (parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
        architecture = architecture switch
        {
            "x86_64" or "x86-64" => "amd64",
            "aarch64" => "arm64",
            "armhf" => "arm",
            "i386" => "386",
            _ => architecture,
        };
        if (!KnownOs.Contains(os))
        {
            error = $"unknown platform '{value}': operating system '{os}' is not one of {string.Join(", ", KnownOs)}";
            return false;
        }

        if (!KnownArchitectures.Contains(architecture))
        {
            error = $"unknown platform '{value}': architecture '{architecture}' is not one of {string.Join(", ", KnownArchitectures)}";
            return false;
        }

        variant = (architecture, variant) switch
        {
            ("arm64", "v8") => null,
            ("arm", null) => "v7",
            _ => variant,
        };
        platform = new Platform(os, architecture, variant);
        error = null;
        return true;
    }

    /// <summary>True when an index entry or image config with these fields is this platform (normalising variants).</summary>
    public bool Matches(string? os, string? architecture, string? variant)
    {
        if (!TryParse($"{os}/{architecture}{(string.IsNullOrEmpty(variant) ? string.Empty : "/" + variant)}", out var other, out _))
        {
            return false;
        }

        return other == this;
    }

    /// <summary>A form usable in tags and file names: <c>linux-arm-v7</c>.</summary>
    public string Slug => ToString().Replace('/', '-');

    /// <summary>Formats <c>os/arch[/variant]</c>.</summary>
    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
