using System.Formats.Tar;
using Pipeline.Tests.Shared;

namespace Pipeline.Containers.Tests.Unit;

public sealed class BuildContextTests
{
    [Theory]
    [InlineData("node_modules", "node_modules/x/index.js", true)]
    [InlineData("*.log", "app.log", true)]
    [InlineData("*.log", "logs/app.log", false)]
    [InlineData("**/*.log", "logs/deep/app.log", true)]
    [InlineData("docs/**", "docs/a/b.md", true)]
    [InlineData("/secret.txt", "secret.txt", true)]
    [InlineData("# comment", "# comment", false)]
    [InlineData("temp?", "temp1", true)]
    [InlineData("temp?", "temp12", false)]
    [InlineData("[a-c].txt", "b.txt", true)]
    [InlineData("[a-c].txt", "d.txt", false)]
    [InlineData("./build/../out", "out/x", true)]
    public void Patterns_match_as_the_docker_cli_does(string pattern, string path, bool excluded) =>
        DockerIgnore.Parse(pattern).IsExcluded(path).Should().Be(excluded);

    [Fact]
    public void Last_matching_rule_wins_and_exceptions_reinclude()
    {
        var ignore = DockerIgnore.Parse("*.md\n!README.md\n\n  # note\nREADME.md.bak\n");

        ignore.IsExcluded("CHANGES.md").Should().BeTrue();
        ignore.IsExcluded("README.md").Should().BeFalse();
        ignore.IsExcluded("README.md.bak").Should().BeTrue();
        ignore.HasExceptions.Should().BeTrue();
    }

    [Fact]
    public void Archive_starts_with_the_Dockerfile_and_leaves_out_ignored_files()
    {
        var context = TestTemp.Folder("pipeline-ctx-");
        Directory.CreateDirectory(Path.Combine(context, "src"));
        Directory.CreateDirectory(Path.Combine(context, "node_modules", "pkg"));
        File.WriteAllText(Path.Combine(context, "Dockerfile"), "FROM scratch\n");
        File.WriteAllText(Path.Combine(context, ".dockerignore"), "node_modules\n*.secret\nDockerfile\n.dockerignore\n");
        File.WriteAllText(Path.Combine(context, "src", "main.c"), "int main(){}");
        File.WriteAllText(Path.Combine(context, "api.secret"), "x");
        File.WriteAllText(Path.Combine(context, "node_modules", "pkg", "i.js"), "x");

        using var archive = BuildContextArchive.Create(context, null);

        var names = EntryNames(archive);
        names[0].Should().Be("Dockerfile");
        names.Should().Contain(["src", "src/main.c", ".dockerignore"]);
        names.Should().NotContain(n => n.StartsWith("node_modules", StringComparison.Ordinal) || n.EndsWith(".secret", StringComparison.Ordinal));
        names.Count(n => n == "Dockerfile").Should().Be(1);
        archive.DockerfileName.Should().Be("Dockerfile");
    }

    [Fact]
    public void Dockerfile_outside_the_context_is_sent_under_a_generated_name()
    {
        var context = TestTemp.Folder("pipeline-ctx-");
        var elsewhere = Path.Combine(TestTemp.Folder("pipeline-df-"), "Build.Dockerfile");
        File.WriteAllText(elsewhere, "FROM scratch\n");
        File.WriteAllText(Path.Combine(context, "a.txt"), "a");

        using var archive = BuildContextArchive.Create(context, elsewhere);

        archive.DockerfileName.Should().StartWith(".dockerfile.");
        EntryNames(archive).Should().Equal(archive.DockerfileName, "a.txt");
    }

    private static List<string> EntryNames(BuildContextArchive archive)
    {
        using var stream = archive.OpenRead();
        using var reader = new TarReader(stream);
        var names = new List<string>();
        while (reader.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name.TrimEnd('/'));
        }

        return names;
    }
}
