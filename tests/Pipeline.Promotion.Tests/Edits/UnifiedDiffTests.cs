using CsCheck;
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

    /// <summary>Lines that look like diff syntax (<c>-</c>, <c>+</c>, <c>@@</c>, <c>\</c>, blanks) as well as text.</summary>
    private static readonly Gen<string> Line = Gen.OneOf(
        Gen.Int[0, 999].Select(i => "line: " + i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.OneOf("", " ", "-", "+", "- item", "+ added", "@@ -1 +1 @@", "\\ No newline at end of file", "--- a/f", "tag: é日本🚀", "\t"));

    /// <summary>An edit of a list of lines: change, insert or remove at a position.</summary>
    private static readonly Gen<Action<List<string>>> LineEdit = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 99], Line, (kind, at, line) => (Action<List<string>>)(lines =>
    {
        var i = lines.Count == 0 ? 0 : at % lines.Count;
        if (kind == 1 || lines.Count == 0)
        {
            lines.Insert(i, line);
        }
        else if (kind == 0)
        {
            lines[i] += " " + line;
        }
        else
        {
            lines.RemoveAt(i);
        }
    }));

    [Fact]
    public void Rendered_diff_applies_with_git_apply() =>
        Gen.Select(Line.Array[0, 60], LineEdit.Array[1, 8], Gen.OneOf("\n", "\r\n"), Gen.Bool, Gen.Bool).Sample((lines, edits, newline, finalBefore, finalAfter) =>
        {
            var changed = lines.ToList();
            foreach (var edit in edits)
            {
                edit(changed);
            }

            var before = string.Join(newline, lines) + (finalBefore && lines.Length > 0 ? newline : "");
            var after = string.Join(newline, changed) + (finalAfter && changed.Count > 0 ? newline : "");
            if (before == after)
            {
                UnifiedDiff.Render("f.yaml", before, after).Should().BeEmpty();
                return;
            }

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
        }, iter: 150);

    private static void Git(string directory, params string[] arguments) =>
        ProcessRunner.RunAsync(new ProcessRequest("git", arguments) { WorkingDirectory = directory }).GetAwaiter().GetResult();
}
