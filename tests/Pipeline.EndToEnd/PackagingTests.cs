using System.Xml.Linq;

namespace Pipeline.EndToEnd;

/// <summary>
/// <c>./build.sh Pack</c> from a clone: every project under src/ becomes a package with its README, licence, repository
/// metadata, description, tags, XML docs and symbols, the requested version, and project references as package
/// dependencies of that same version.
/// </summary>
public sealed class PackagingTests(PackedRepository packed) : IClassFixture<PackedRepository>
{
    private const string Framework = "net10.0";

    [Fact]
    public void Pack_makes_a_package_and_a_symbol_package_of_every_project_under_src()
    {
        packed.ExplicitPack.ExitCode.Should().Be(0, packed.ExplicitPack.All);
        packed.ExplicitPack.Output.Should().Contain($"version: {PackedRepository.ExplicitVersion}; packages: {packed.Projects.Count + packed.Tools.Count}");

        var expected = packed.Projects.SelectMany(p => new[] { $"{p}.{PackedRepository.ExplicitVersion}.nupkg", $"{p}.{PackedRepository.ExplicitVersion}.snupkg" })
            .Concat(packed.Tools.Select(t => $"{t}.{PackedRepository.ExplicitVersion}.nupkg"));
        Directory.GetFiles(packed.ExplicitPackages).Select(Path.GetFileName).Should().BeEquivalentTo(expected);
        packed.Projects.Should().Contain(["Pipeline.Targets", "Pipeline.Containers", "Pipeline.GitHub", "Pipeline.Promotion", "Pipeline.Components", "Pipeline.Rehearsal", "Pipeline.LocalRehearsal"]);
    }

    [Fact]
    public void Every_package_carries_its_metadata_readme_and_documented_assembly()
    {
        foreach (var project in packed.Projects)
        {
            var csproj = Csproj(project);
            using var package = new PackageFile(Path.Combine(packed.ExplicitPackages, $"{project}.{PackedRepository.ExplicitVersion}.nupkg"));
            using var scope = new FluentAssertions.Execution.AssertionScope(project);

            package["id"].Should().Be(project);
            package["version"].Should().Be(PackedRepository.ExplicitVersion);
            package["description"].Should().Be(Property(csproj, "Description")).And.NotBeNullOrWhiteSpace();
            package["tags"].Should().Be(Property(csproj, "PackageTags")!.Replace(';', ' ')).And.NotBeNullOrWhiteSpace();
            package["authors"].Should().NotBeNullOrWhiteSpace();
            var license = package.Element("license");
            license.Should().NotBeNull();
            ((string?)license!.Attribute("type")).Should().Be("expression");
            license.Value.Should().Be("MIT");
            package["projectUrl"].Should().StartWith("https://");
            var repository = package.Element("repository")!;
            ((string?)repository.Attribute("type")).Should().Be("git");
            ((string?)repository.Attribute("url")).Should().Be(package["projectUrl"]);
            ((string?)repository.Attribute("commit")).Should().Be(packed.Head, "the package says which commit it was built from");

            package["readme"].Should().Be("README.md");
            package.Entries.Should().Contain("README.md");
            package.ReadText("README.md").Should().Be(File.ReadAllText(Path.Combine(packed.Clone.Root, "src", project, "README.md")));

            package.Entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal))
                .Should().BeEquivalentTo([$"lib/{Framework}/{project}.dll", $"lib/{Framework}/{project}.xml"]);
            var docs = XDocument.Parse(package.ReadText($"lib/{Framework}/{project}.xml")).Root!;
            docs.Element("assembly")!.Element("name")!.Value.Should().Be(project);
            docs.Element("members")!.Elements("member").Should().NotBeEmpty("the XML docs document the public API");
        }
    }

    [Fact]
    public void The_assemblies_inside_carry_the_package_version()
    {
        foreach (var project in packed.Projects)
        {
            using var package = new PackageFile(Path.Combine(packed.ExplicitPackages, $"{project}.{PackedRepository.ExplicitVersion}.nupkg"));
            var (version, informational) = package.AssemblyVersions($"lib/{Framework}/{project}.dll");
            var numeric = PackedRepository.ExplicitVersion.Split('-')[0];
            version.Should().Be(Version.Parse(numeric + ".0"), project);
            informational.Should().StartWith(PackedRepository.ExplicitVersion, project);
        }
    }

    [Fact]
    public void Project_references_become_dependencies_of_the_same_version_and_package_references_keep_theirs()
    {
        var central = XDocument.Load(Path.Combine(packed.Clone.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.Ordinal);
        foreach (var project in packed.Projects)
        {
            var csproj = Csproj(project);
            var expected = csproj.Descendants("ProjectReference")
                .ToDictionary(e => Path.GetFileNameWithoutExtension((string)e.Attribute("Include")!), _ => PackedRepository.ExplicitVersion, StringComparer.Ordinal);
            foreach (var reference in csproj.Descendants("PackageReference"))
            {
                expected[(string)reference.Attribute("Include")!] = central[(string)reference.Attribute("Include")!];
            }

            using var package = new PackageFile(Path.Combine(packed.ExplicitPackages, $"{project}.{PackedRepository.ExplicitVersion}.nupkg"));

            package.Dependencies.Should().BeEquivalentTo(expected, project);
            package.FrameworkReferences.Should().BeEquivalentTo(csproj.Descendants("FrameworkReference").Select(e => (string)e.Attribute("Include")!), project);
        }
    }

    [Fact]
    public void Every_symbol_package_holds_the_portable_pdb_of_its_assembly()
    {
        foreach (var project in packed.Projects)
        {
            using var symbols = new PackageFile(Path.Combine(packed.ExplicitPackages, $"{project}.{PackedRepository.ExplicitVersion}.snupkg"));
            using var scope = new FluentAssertions.Execution.AssertionScope(project);

            symbols["id"].Should().Be(project);
            symbols["version"].Should().Be(PackedRepository.ExplicitVersion);
            symbols.Metadata.Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => (string?)e.Attribute("name")).Should().Equal("SymbolsPackage");
            symbols.Entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Should().Equal($"lib/{Framework}/{project}.pdb");
        }
    }

    [Fact]
    public void Without_a_version_Pack_takes_it_from_the_v_tag_on_HEAD()
    {
        packed.TagPack.ExitCode.Should().Be(0, packed.TagPack.All);
        packed.TagPack.Output.Should().Contain($"version: {packed.TagVersion}");

        var files = Directory.GetFiles(packed.Feed).Select(Path.GetFileName).ToList();
        files.Should().HaveCount(2 * packed.Projects.Count + packed.Tools.Count).And.OnlyContain(f => f!.Contains($".{packed.TagVersion}.", StringComparison.Ordinal));
        using var components = new PackageFile(Path.Combine(packed.Feed, $"Pipeline.Components.{packed.TagVersion}.nupkg"));
        components["version"].Should().Be(packed.TagVersion);
        components.Dependencies.Where(d => d.Key.StartsWith("Pipeline.", StringComparison.Ordinal)).Should().OnlyContain(d => d.Value == packed.TagVersion);
    }

    [Fact]
    public void The_pipeline_tool_is_a_dotnet_tool_package_with_its_command_readme_and_version()
    {
        packed.Tools.Should().Equal("Pipeline.Tool");
        using var package = new PackageFile(Path.Combine(packed.ExplicitPackages, $"Pipeline.Tool.{PackedRepository.ExplicitVersion}.nupkg"));

        package["id"].Should().Be("Pipeline.Tool");
        package["version"].Should().Be(PackedRepository.ExplicitVersion);
        package.Metadata.Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => (string?)e.Attribute("name")).Should().Equal("DotnetTool");
        package.ReadText("README.md").Should().Be(File.ReadAllText(Path.Combine(packed.Clone.Root, "src", "Pipeline.Tool", "README.md")));
        var settings = System.Xml.Linq.XDocument.Parse(package.ReadText($"tools/{Framework}/any/DotnetToolSettings.xml"));
        settings.Descendants("Command").Select(c => (string?)c.Attribute("Name")).Should().Equal("pipeline");
        package.Entries.Should().Contain([$"tools/{Framework}/any/pipeline.dll", $"tools/{Framework}/any/Pipeline.Components.dll", $"tools/{Framework}/any/Pipeline.Rehearsal.dll", $"tools/{Framework}/any/Pipeline.LocalRehearsal.dll"]);
        package.AssemblyVersions($"tools/{Framework}/any/pipeline.dll").Informational.Should().StartWith(PackedRepository.ExplicitVersion);
    }

    private XElement Csproj(string project) => XDocument.Load(Path.Combine(packed.Clone.Root, "src", project, project + ".csproj")).Root!;

    private static string? Property(XElement csproj, string name) => csproj.Descendants(name).FirstOrDefault()?.Value;
}
