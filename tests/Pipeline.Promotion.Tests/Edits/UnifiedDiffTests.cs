using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.Edits;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void Equal_texts_have_an_empty_diff()
    {
        UnifiedDiff.Render("a.yaml", "x\n", "x\n").Should().BeEmpty();
    }

    [Fact]
    public void One_changed_line_is_shown_with_three_lines_of_context()
    {
        var before = "1\n2\n3\n4\ntag: a\n6\n7\n8\n9\n";
        var after = "1\n2\n3\n4\ntag: b\n6\n7\n8\n9\n";

        var diff = UnifiedDiff.Render("lab/values.yaml", before, after);

        diff.Should().Be("--- a/lab/values.yaml\n+++ b/lab/values.yaml\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-tag: a\n+tag: b\n 6\n 7\n 8\n");
    }

    [Fact]
    public void Missing_final_newline_is_marked()
    {
        var diff = UnifiedDiff.Render("f", "a: 1", "a: 2");

        diff.Should().Be("--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a: 1\n\\ No newline at end of file\n+a: 2\n\\ No newline at end of file\n");
    }

    [Fact]
    public void Edit_result_renders_its_diff()
    {
        var result = HelmValuesEdit.ForTag("tag").Apply(TestFiles.Yaml("tag: a\n", "v.yaml"), TestFiles.App);

        result.Diff().Should().Be("--- a/v.yaml\n+++ b/v.yaml\n@@ -1 +1 @@\n-tag: a\n+tag: 1.4.2\n");
    }

    [Theory]
    [InlineData(1, "\n")]
    [InlineData(2, "\r\n")]
    [InlineData(3, "\n")]
    [InlineData(4, "\r\n")]
    [InlineData(5, "\n")]
    public void Rendered_diff_applies_with_git_apply(int seed, string newline)
    {
        var random = new Random(seed);
        var lines = Enumerable.Range(0, 60).Select(i => $"line {i}: {random.Next(1000)}").ToList();
        var changed = lines.ToList();
        for (var k = 0; k < 6; k++)
        {
            var at = random.Next(changed.Count);
            switch (random.Next(3))
            {
                case 0:
                    changed[at] += " edited";
                    break;
                case 1:
                    changed.Insert(at, $"inserted {k}");
                    break;
                default:
                    changed.RemoveAt(at);
                    break;
            }
        }

        var before = string.Join(newline, lines) + (seed % 2 == 0 ? newline : "");
        var after = string.Join(newline, changed) + (seed % 3 == 0 ? "" : newline);
        var directory = Directory.CreateTempSubdirectory("diff-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "f.yaml"), before);
            File.WriteAllText(Path.Combine(directory.FullName, "p.diff"), UnifiedDiff.Render("f.yaml", before, after));

            Git(directory.FullName, "apply", "--whitespace=nowarn", "p.diff");

            File.ReadAllText(Path.Combine(directory.FullName, "f.yaml")).Should().Be(after);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static void Git(string directory, params string[] arguments) =>
        ProcessRunner.RunAsync(new ProcessRequest("git", arguments) { WorkingDirectory = directory }).GetAwaiter().GetResult();
}
