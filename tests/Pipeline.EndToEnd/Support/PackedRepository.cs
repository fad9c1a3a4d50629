namespace Pipeline.EndToEnd;

/// <summary>
/// A clone of this repository in which <c>./build.sh Pack</c> ran twice: with <c>--package-version 1.2.3-test</c>
/// (those packages are kept aside in <see cref="ExplicitPackages"/>), then with a <c>v</c> tag on HEAD and no
/// version, which leaves packages of <see cref="TagVersion"/> in the clone's <c>artifacts/packages</c>: the feed the
/// consumer build restores from. Compiling the solution once serves the packaging and the consumer tests.
/// </summary>
public sealed class PackedRepository : IDisposable
{
    public const string ExplicitVersion = "1.2.3-test";

    public PackedRepository()
    {
        // The promotion guards fetch origin's branch: origin is the clone itself, so it never moves during the tests.
        RepositoryClone.Run("git", ["remote", "set-url", "origin", Clone.Root], Clone.Root).ExitCode.Should().Be(0);
        Head = RepositoryClone.Run("git", ["rev-parse", "HEAD"], Clone.Root).Output.Trim();

        ExplicitPack = Clone.BuildSh("Pack", "--package-version", ExplicitVersion);
        ExplicitPackages = Directory.CreateTempSubdirectory("pipeline-packages-").FullName;
        if (Directory.Exists(Feed))
        {
            foreach (var file in Directory.GetFiles(Feed))
                File.Copy(file, Path.Combine(ExplicitPackages, Path.GetFileName(file)));
        }

        RepositoryClone.Run("git", ["tag", "v" + TagVersion], Clone.Root).ExitCode.Should().Be(0);
        TagPack = Clone.BuildSh("Pack", "--skip", "Compile");
        _toolImageContext = new Lazy<ProcessOutcome>(() => Clone.BuildSh("ToolImageContext"));
    }

    private readonly Lazy<ProcessOutcome> _toolImageContext;

    /// <summary>
    /// <c>./build.sh ToolImageContext</c>, run on first use: the single-file binaries of <see cref="TagVersion"/> in
    /// <see cref="Binaries"/> (its dependency Binaries) and the tool image's context with Debian's libraries per architecture.
    /// </summary>
    internal ProcessOutcome ToolImageContext => _toolImageContext.Value;

    /// <summary>The clone's <c>artifacts/binaries</c>: <c>pipeline-linux-x64</c> and <c>pipeline-linux-arm64</c>.</summary>
    public string Binaries => Path.Combine(Clone.Root, "artifacts", "binaries");

    /// <summary>The clone's <c>artifacts/tool-image</c>: the image's context, <c>rootfs/amd64</c> and <c>rootfs/arm64</c>.</summary>
    public string ToolImageDirectory => Path.Combine(Clone.Root, "artifacts", "tool-image");

    internal RepositoryClone Clone { get; } = new();

    /// <summary>A version no earlier run used, so that nothing can come from a cache.</summary>
    public string TagVersion { get; } = $"1.2.4-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    /// <summary>The commit the packages were built from.</summary>
    public string Head { get; }

    internal ProcessOutcome ExplicitPack { get; }

    internal ProcessOutcome TagPack { get; }

    /// <summary>The packages of <c>--package-version 1.2.3-test</c>.</summary>
    public string ExplicitPackages { get; }

    /// <summary>The clone's <c>artifacts/packages</c>, holding the packages of <see cref="TagVersion"/>.</summary>
    public string Feed => Path.Combine(Clone.Root, "artifacts", "packages");

    /// <summary>The library projects under <c>src/</c>, each of which must become a package with symbols.</summary>
    public IReadOnlyList<string> Projects => SourceProjects.Where(p => !IsTool(p)).ToList();

    /// <summary>The projects under <c>src/</c> packed as .NET tools (<c>PackAsTool</c>): one package each, no symbols.</summary>
    public IReadOnlyList<string> Tools => SourceProjects.Where(IsTool).ToList();

    private IReadOnlyList<string> SourceProjects => Directory.GetDirectories(Path.Combine(Clone.Root, "src"))
        .Where(d => File.Exists(Path.Combine(d, Path.GetFileName(d) + ".csproj")))
        .Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    private bool IsTool(string project) =>
        File.ReadAllText(Path.Combine(Clone.Root, "src", project, project + ".csproj")).Contains("<PackAsTool>true</PackAsTool>", StringComparison.Ordinal);

    public void Dispose()
    {
        Clone.Dispose();
        try
        {
            Directory.Delete(ExplicitPackages, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The tests that share one packed clone; they also start a registry on a fixed port, so they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackedRepositoryCollection : ICollectionFixture<PackedRepository>
{
    public const string Name = "Packed repository";
}
