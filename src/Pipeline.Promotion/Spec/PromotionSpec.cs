using Pipeline.Containers;

namespace Pipeline.Promotion;

/// <summary>
/// A parsed <c>promotion.yaml</c>: which apps exist, which image each one pins, and per environment when it is
/// promoted, which files change and how the change lands (a commit or a pull request). Load with
/// <see cref="Load"/> or <see cref="Parse"/>; every error names the file, line and column.
/// </summary>
/// <param name="Apps">The apps, in file order.</param>
public sealed record PromotionSpec(IReadOnlyList<AppSpec> Apps)
{
    /// <summary>The conventional file name at the root of a GitOps repository.</summary>
    public const string DefaultFileName = "promotion.yaml";

    /// <summary>Where the spec was read from (a path, or a description such as <c>owner/repo@main:promotion.yaml</c>).</summary>
    public string Source { get; init; } = "promotion.yaml";

    /// <summary>The app named <paramref name="name"/> (case-sensitive), or null.</summary>
    public AppSpec? FindApp(string name) => Apps.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));

    /// <summary>The apps whose <see cref="AppSpec.Image"/> is the repository of <paramref name="image"/>.</summary>
    public IReadOnlyList<AppSpec> AppsForImage(ImageReference image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return [.. Apps.Where(a => string.Equals(a.Image.Name, image.Name, StringComparison.Ordinal))];
    }

    /// <summary>The published JSON Schema of <c>promotion.yaml</c> (draft 2020-12), for editors and validators.</summary>
    public static string JsonSchema
    {
        get
        {
            using var stream = typeof(PromotionSpec).Assembly.GetManifestResourceStream("Pipeline.Promotion.promotion.schema.json")
                ?? throw new InvalidOperationException("The promotion schema resource is missing from the assembly.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>Reads and parses a spec file.</summary>
    /// <exception cref="PromotionSpecException">The file is missing, not YAML, or breaks a rule of the spec.</exception>
    public static PromotionSpec Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new PromotionSpecException(path, 0, 0,
                $"{path}: the promotion spec does not exist; pass the path of promotion.yaml, or keep one at the root of the GitOps repository.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses spec text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="PromotionSpecException">The text is not YAML, or breaks a rule of the spec.</exception>
    public static PromotionSpec Parse(string text, string source = DefaultFileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new SpecReader(source).Read(text) with { Source = source };
    }
}

/// <summary>One application: the image it is built as and the environments it is promoted to.</summary>
/// <param name="Name">The app's key in the spec (<c>job-winner</c>); dispatch payloads name apps by it.</param>
/// <param name="Image">The image repository (<c>ghcr.io/org/app</c>), without tag or digest.</param>
/// <param name="Environments">The environments, in file order.</param>
public sealed record AppSpec(string Name, ImageReference Image, IReadOnlyList<EnvironmentSpec> Environments)
{
    /// <summary>The environment named <paramref name="name"/> (case-sensitive), or null.</summary>
    public EnvironmentSpec? FindEnvironment(string name) =>
        Environments.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));
}

/// <summary>Where in the spec file something was written (1-based), for errors.</summary>
/// <param name="File">The spec's source.</param>
/// <param name="Line">The line.</param>
/// <param name="Column">The column.</param>
public sealed record SpecLocation(string File, int Line, int Column)
{
    /// <summary><c>file:line:column</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
