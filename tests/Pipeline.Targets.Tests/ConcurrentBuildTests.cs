using System.Text.Json;
using Pipeline.Tests.Shared;

namespace Pipeline.Targets.Tests;

/// <summary>Several <c>./build.sh</c> processes started at once in one clean clone, as parallel CI steps or a script would.</summary>
public sealed class ConcurrentBuildTests : IDisposable
{
    private readonly string _clone = TestTemp.Folder("pipeline-concurrent-");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_clone, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Builds_started_together_compile_the_build_once_and_all_finish_without_a_crash()
    {
        (await RunAsync("git", ["clone", "--quiet", BootstrapTests.RepositoryRoot(), _clone], Path.GetTempPath())).ExitCode.Should().Be(0);

        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RunAsync(Path.Combine(_clone, "build.sh"), ["Compile", "--skip", "Compile"], _clone)));

        runs.Should().OnlyContain(r => r.ExitCode == 0, string.Join("\n---\n", runs.Select(r => r.Output)));
        runs.Count(r => r.Output.Contains("Compiling the build project", StringComparison.Ordinal)).Should().Be(1, "the others waited for that compile and used it");
        runs.Should().NotContain(r => r.Output.Contains("IOException", StringComparison.Ordinal) || r.Output.Contains("Unhandled exception", StringComparison.Ordinal));
        var temp = Path.Combine(_clone, ".nuke", "temp");
        using var state = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(temp, "build-attempt.json")));
        state.RootElement.GetProperty("fingerprint").GetString().Should().NotBeNullOrEmpty();
        Directory.GetFiles(temp, "*.tmp").Should().BeEmpty();
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IReadOnlyList<string> arguments, string directory)
    {
        var request = new ProcessRequest(file, arguments) { WorkingDirectory = directory, ThrowOnFailure = false };
        foreach (var name in new[] { "GITHUB_ACTIONS", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "CI" })
        {
            request = request.WithEnvironment(name, null);
        }
        // The dotnet CLI leaves empty folders and NuGet's scratch folder in TMPDIR: the clone the build runs in holds them.
        if (file != "git")
        {
            request = request.WithEnvironment("TMPDIR", Directory.CreateDirectory(Path.Combine(directory, ".nuke", "temp", "tmp")).FullName);
        }

        var result = await ProcessRunner.RunAsync(request);
        return (result.ExitCode, result.StandardOutput + result.StandardError);
    }
}
