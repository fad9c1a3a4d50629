using Pipeline.Tests.Shared;

namespace Pipeline.Containers.Tests.Unit;

/// <summary>Cases where a plausible reading of .dockerignore differs from what Docker (moby's patternmatcher on Linux) does.</summary>
public sealed class DockerIgnoreTests
{
    [Theory]
    [InlineData(@"a\*b", "a*b", true)]
    [InlineData(@"a\*b", "axb", false)]
    [InlineData("[!a].txt", "b.txt", false)]
    [InlineData("[!a].txt", "!.txt", true)]
    [InlineData("[^a].txt", "b.txt", true)]
    [InlineData("**foo", "xfoo", true)]
    [InlineData("**/foo", "foo", true)]
    [InlineData("**/foo", "a/b/foo", true)]
    [InlineData("**/foo", "xfoo", false)]
    [InlineData("docs**", "docsx/y", true)]
    [InlineData("a.b", "axb", false)]
    [InlineData("dir/", "dir/file", true)]
    [InlineData("/../out", "out", true)]
    [InlineData("*/*.txt", "a/b.txt", true)]
    [InlineData("*/*.txt", "a/b/c.txt", false)]
    public void Patterns_match_as_moby_patternmatcher_does(string pattern, string path, bool excluded) =>
        DockerIgnore.Parse(pattern).IsExcluded(path).Should().Be(excluded);

    [Fact]
    public void A_comment_starts_in_the_first_column_only_and_a_bom_is_dropped()
    {
        var ignore = DockerIgnore.Parse("\uFEFF#first\n # not a comment\n");

        ignore.Patterns.Should().Equal("# not a comment");
        ignore.IsExcluded("# not a comment").Should().BeTrue();
        ignore.IsExcluded("#first").Should().BeFalse();
    }

    [Fact]
    public void An_excluded_folder_is_entered_only_for_a_reinclude_pattern_under_it()
    {
        var ignore = DockerIgnore.Parse("src\nlib\n!src/keep.c\n!**/*.h\n");

        ignore.IsExcluded("src").Should().BeTrue();
        ignore.MustEnter("src").Should().BeTrue();
        ignore.MustEnter("lib").Should().BeFalse("Docker skips a folder unless a re-include pattern starts with its path, so **/*.h does not reach lib/");
        ignore.IsExcluded("src/keep.c").Should().BeFalse();
        ignore.IsExcluded("src/other.c").Should().BeTrue();
    }

    [Fact]
    public void The_walk_sends_what_the_docker_cli_sends()
    {
        var context = TestTemp.Folder("pipeline-ctx-");
        try
        {
            foreach (var file in new[] { "Dockerfile", "src/keep.c", "src/other.c", "lib/x.h", "src/y.h", "notes.md" })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(context, file))!);
                File.WriteAllText(Path.Combine(context, file), file);
            }

            File.WriteAllText(Path.Combine(context, ".dockerignore"), "src\nlib\n*.md\n.dockerignore\nDockerfile\n!src/keep.c\n!**/*.h\n");

            var sent = BuildContextFiles.Enumerate(context, BuildContextFiles.IgnoreRules(context, "Dockerfile")).Select(e => e.RelativePath);

            sent.Should().Equal(".dockerignore", "Dockerfile", "src/keep.c", "src/y.h");
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }
}
