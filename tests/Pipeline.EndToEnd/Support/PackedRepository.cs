using Pipeline.Tests.Shared;

namespace Pipeline.EndToEnd;

/// <summary>
/// A compiled clone of this repository in which <c>./build.sh Pack</c> ran twice: with <c>--package-version 1.2.3-test</c>
/// (those packages are kept aside in <see cref="ExplicitPackages"/>), then with a <c>v</c> tag on HEAD and no version,
/// which leaves packages of <see cref="TagVersion"/> in the clone's <c>artifacts/packages</c>: the feed the consumer build,
/// the tool and the Cake script restore from. One per test run, packed when the first class that uses it starts, shared
/// by the packaging, consumer, tool and Cake tests (each class in a collection of its own, so they run side by side) and
/// removed when the test run ends.
/// </summary>
internal sealed class PackedClone
{
    private static readonly Lazy<PackedClone> Instance = new(() => new PackedClone(), LazyThreadSafetyMode.ExecutionAndPublication);

    private PackedClone()
    {
        TestTemp.Track(Clone.Root);
        // The promotion guards fetch origin's branch: origin is the clone itself, so it never moves during the tests.
        RepositoryClone.Run("git", ["remote", "set-url", "origin", Clone.Root], Clone.Root).ExitCode.Should().Be(0);
        Head = RepositoryClone.Run("git", ["rev-parse", "HEAD"], Clone.Root).Output.Trim();

        ExplicitPack = Clone.BuildSh("Pack", "--package-version", PackedRepository.ExplicitVersion);
        ExplicitPackages = TestTemp.Folder("pipeline-packages-");
        if (Directory.Exists(Feed))
        {
            foreach (var file in Directory.GetFiles(Feed))
            {
                File.Copy(file, Path.Combine(ExplicitPackages, Path.GetFileName(file)));
            }
        }

        RepositoryClone.Run("git", ["tag", "v" + TagVersion], Clone.Root).ExitCode.Should().Be(0);
        TagPack = Clone.BuildSh("Pack", "--skip", "Compile");
        _toolImageContext = new Lazy<ProcessOutcome>(() => Clone.BuildSh("ToolImageContext"));
    }

    private readonly Lazy<ProcessOutcome> _toolImageContext;

    public static PackedClone Shared => Instance.Value;

    /// <summary>
    /// <c>./build.sh ToolImageContext</c>, run on first use: the single-file binaries of <see cref="TagVersion"/> in
    /// <see cref="Binaries"/> (its dependency Binaries) and the tool image's context with Debian's libraries per architecture.
    /// </summary>
    internal ProcessOutcome ToolImageContext => _toolImageContext.Value;

    /// <summary>The clone's <c>artifacts/binaries</c>: <c>pipeline-linux-x64</c> and <c>pipeline-linux-arm64</c>.</summary>
    public string Binaries => Path.Combine(Clone.Root, "artifacts", "binaries");

    /// <summary>The clone's <c>artifacts/tool-image</c>: the image's context, <c>rootfs/amd64</c> and <c>rootfs/arm64</c>.</summary>
    public string ToolImageDirectory => Path.Combine(Clone.Root, "artifacts", "tool-image");

    internal RepositoryClone Clone { get; } = RepositoryClone.CompiledCopy();

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
}

/// <summary>The class fixture that hands a test class the run's one <see cref="PackedClone"/>.</summary>
public sealed class PackedRepository
{
    public const string ExplicitVersion = "1.2.3-test";

    private readonly PackedClone _packed = PackedClone.Shared;

    internal RepositoryClone Clone => _packed.Clone;

    /// <inheritdoc cref="PackedClone.TagVersion"/>
    public string TagVersion => _packed.TagVersion;

    /// <inheritdoc cref="PackedClone.Head"/>
    public string Head => _packed.Head;

    internal ProcessOutcome ExplicitPack => _packed.ExplicitPack;

    internal ProcessOutcome TagPack => _packed.TagPack;

    /// <inheritdoc cref="PackedClone.ExplicitPackages"/>
    public string ExplicitPackages => _packed.ExplicitPackages;

    /// <inheritdoc cref="PackedClone.Feed"/>
    public string Feed => _packed.Feed;

    /// <inheritdoc cref="PackedClone.Projects"/>
    public IReadOnlyList<string> Projects => _packed.Projects;

    /// <inheritdoc cref="PackedClone.Tools"/>
    public IReadOnlyList<string> Tools => _packed.Tools;

    internal ProcessOutcome ToolImageContext => _packed.ToolImageContext;

    /// <inheritdoc cref="PackedClone.Binaries"/>
    public string Binaries => _packed.Binaries;

    /// <inheritdoc cref="PackedClone.ToolImageDirectory"/>
    public string ToolImageDirectory => _packed.ToolImageDirectory;
}

/// <summary>
/// The tests that build the tool's binaries and image and publish them in the packed clone: one at a time, as they write
/// the same artifacts of that clone (alongside the other classes, which only read it or work in folders of their own).
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackedRepositoryCollection : ICollectionFixture<PackedRepository>
{
    public const string Name = "Packed repository: tool binaries, image and publishing";
}
