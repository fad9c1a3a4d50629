using System.Text.RegularExpressions;

namespace Pipeline.Processes.Tests;

/// <summary>Every process is started by Pipeline.Processes: no other source file of the repository starts one itself.</summary>
public sealed partial class DependencyDirectionTests
{
    // Written so that grep for the forbidden forms does not find this file.
    private static readonly Regex ProcessStart = new(
        @"\bProcess(?:StartInfo)\b|\bProcess\s*\.\s*Start\s*\(|\bnew\s+(?:System\.Diagnostics\.)?Process\s*[({]|\bCli\s*\.\s*Wrap\s*\(",
        RegexOptions.CultureInvariant);

    /// <summary>The BCL baseline the process benchmark measures ProcessRunner against; it says so in a comment.</summary>
    private static readonly string[] Baselines = ["benchmarks/Processes.Benchmark/Program.cs"];

    [Fact]
    public void No_source_file_outside_the_process_layer_starts_a_process()
    {
        var root = RepositoryRoot();
        var starts = SourceFiles(root)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("src/Pipeline.Processes/", StringComparison.Ordinal) && !Baselines.Contains(path))
            .SelectMany(path => File.ReadLines(Path.Combine(root, path))
                .Select((line, index) => (Path: path, Line: index + 1, Text: line.Trim()))
                .Where(line => ProcessStart.IsMatch(line.Text)))
            .Select(line => $"{line.Path}:{line.Line}: {line.Text}");

        starts.Should().BeEmpty("processes are started with ProcessRunner or BackgroundProcess from Pipeline.Processes");
    }

    [Fact]
    public void The_only_baseline_that_starts_a_process_itself_says_why()
    {
        foreach (var baseline in Baselines)
        {
            var text = File.ReadAllText(Path.Combine(RepositoryRoot(), baseline));
            ProcessStart.IsMatch(text).Should().BeTrue($"{baseline} is listed as the BCL baseline");
            text.Should().Contain("The baseline", $"{baseline} says in a comment why it starts processes itself");
        }
    }

    [Theory]
    [InlineData("var start = new ProcessStart" + "Info(\"git\");")]
    [InlineData("using var process = System.Diagnostics.Process" + ".Start(start)!;")]
    [InlineData("using var process = new Process" + " { StartInfo = { FileName = \"git\" } };")]
    [InlineData("var process = new System.Diagnostics.Process" + "();")]
    [InlineData("await Cli" + ".Wrap(\"git\").ExecuteAsync();")]
    public void The_scan_recognises_every_way_of_starting_a_process(string line) => ProcessStart.IsMatch(line).Should().BeTrue();

    [Theory]
    [InlineData("await ProcessRunner.RunAsync(new ProcessRequest(\"git\", [\"status\"]));")]
    [InlineData("var id = Environment.ProcessId;")]
    [InlineData("listener.Start();")]
    public void The_scan_leaves_the_process_layer_s_own_calls_alone(string line) => ProcessStart.IsMatch(line).Should().BeFalse();

    private static IEnumerable<string> SourceFiles(string root) =>
        new[] { "src", "tests", "benchmarks", "build", "samples" }
            .Select(folder => Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin" or "node_modules"));
}
