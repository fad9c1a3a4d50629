using Pipeline.Components.Tests.Support;
using Pipeline.Targets;

namespace Pipeline.Components.Tests;

/// <summary>
/// The Test target's runs of test projects, with shell scripts in the place of <c>dotnet test</c> (each writes a TRX
/// file): side by side, each with a temporary folder of its own, and what a project leaves there fails the run.
/// </summary>
public sealed class ProjectRunsTests : IDisposable
{
    private readonly BuildRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Projects_run_side_by_side_each_in_a_temporary_folder_of_its_own_that_is_gone_afterwards()
    {
        var rendezvous = Path.Combine(_run.Root, "rendezvous");
        (await ProcessRunner.RunAsync(new ProcessRequest("mkfifo", [rendezvous]))).ExitCode.Should().Be(0);
        // Each blocks on the pipe until the other opens it: run one after the other, neither would finish.
        var build = new RunsBuild(_run.Root, new Dictionary<string, string>
        {
            ["A.Tests"] = $"read line < {rendezvous}; {Trx(passed: 2)}",
            ["B.Tests"] = $"echo go > {rendezvous}; {Trx(passed: 1, skipped: 1)}",
        });

        var outcome = await _run.RunAsync(build, "Feed");

        outcome.ExitCode.Should().Be(BuildOutcome.Success, _run.Output);
        _run.Output.Should().Contain("A.Tests: started").And.Contain("B.Tests: started")
            .And.MatchRegex(@"A\.Tests: 2 passed, 0 failed, 0 skipped in \d+ s").And.MatchRegex(@"B\.Tests: 1 passed, 0 failed, 1 skipped in \d+ s");
        _run.Output.TrimEnd().Split('\n').Last(l => l.Contains("passed", StringComparison.Ordinal)).Should().EndWith("3 passed, 0 failed, 1 skipped");
        var folders = new[] { "A.Tests", "B.Tests" }.Select(p => File.ReadAllText(Path.Combine(_run.Root, p + ".tmpdir")).Trim()).ToList();
        folders.Should().OnlyHaveUniqueItems().And.OnlyContain(f => !Directory.Exists(f), "each project's temporary folder is removed after its run");
        File.ReadAllLines(Path.Combine(_run.Root, "artifacts", "test-results", "projects.txt")).Skip(1).Select(l => l.Split('\t')[0])
            .Should().Equal("A.Tests", "B.Tests");
    }

    [Fact]
    public async Task Files_folders_and_processes_a_project_leaves_behind_fail_the_run_by_name_and_are_removed()
    {
        var build = new RunsBuild(_run.Root, new Dictionary<string, string>
        {
            ["Untidy.Tests"] = $"touch \"$TMPDIR/leak.txt\"; mkdir \"$TMPDIR/leak-dir\"; sleep 600 >/dev/null 2>&1 & echo $! > {_run.Root}/sleep.pid; {Trx(passed: 1)}",
            ["Tidy.Tests"] = $"f=$(mktemp); rm \"$f\"; {Trx(passed: 1)}",
        });

        var outcome = await _run.RunAsync(build, "Feed");

        outcome.ExitCode.Should().Be(BuildOutcome.Failure);
        var pid = File.ReadAllText(Path.Combine(_run.Root, "sleep.pid")).Trim();
        _run.Output.Should().Contain($"Untidy.Tests left 1 process(es) running, now stopped: {pid} sleep 600")
            .And.Contain("Untidy.Tests left 2 entries in its temporary folder: leak-dir, leak.txt")
            .And.Contain("2 passed, 0 failed")
            .And.Contain("Untidy.Tests left temporary files or processes behind (listed above)")
            .And.NotContain("Tidy.Tests left");
        Running(pid).Should().BeFalse("the process left behind was stopped");
        File.ReadAllText(Path.Combine(_run.Root, "Untidy.Tests.tmpdir")).Trim().Should().NotBeEmpty()
            .And.Match(folder => !Directory.Exists(folder), "the folder is removed with what was left in it");
    }

    [Theory]
    [InlineData("app.sln")]
    [InlineData("app.slnx")]
    public void The_test_projects_of_a_solution_are_those_with_the_test_sdk_or_marked_as_tests(string name)
    {
        Project("src/App/App.csproj", "<PackageReference Include=\"Yaml\" />");
        Project("tests/App.Tests/App.Tests.csproj", "<PackageReference Include=\"Microsoft.NET.Test.Sdk\" />");
        Project("tests/Flow/Flow.fsproj", "<IsTestProject>true</IsTestProject>");
        var solution = Path.Combine(_run.Root, name);
        File.WriteAllText(solution, name.EndsWith(".slnx", StringComparison.Ordinal)
            ? """<Solution><Folder Name="/src/"><Project Path="src/App/App.csproj" /></Folder><Project Path="tests/App.Tests/App.Tests.csproj" /><Project Path="tests/Flow/Flow.fsproj" /><Project Path="tests/Gone/Gone.csproj" /></Solution>"""
            : """
              Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "App", "src\App\App.csproj", "{1}"
              EndProject
              Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "tests", "tests", "{2}"
              EndProject
              Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "App.Tests", "tests\App.Tests\App.Tests.csproj", "{3}"
              EndProject
              Project("{F2A71F9B-5D33-465A-A702-920D77279786}") = "Flow", "tests\Flow\Flow.fsproj", "{4}"
              EndProject
              """);

        var projects = TestProjects.Find(AbsolutePath.Create(solution));

        projects.Select(p => (p.Name, p.File.RelativeTo(AbsolutePath.Create(_run.Root)))).Should().Equal(("App.Tests", "tests/App.Tests/App.Tests.csproj"), ("Flow", "tests/Flow/Flow.fsproj"));
    }

    private void Project(string path, string content)
    {
        var file = Path.Combine(_run.Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, $"<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup>{content}</ItemGroup></Project>");
    }

    /// <summary>Records TMPDIR, then writes a TRX file with these counters where dotnet test would.</summary>
    private static string Trx(int passed, int skipped = 0) =>
        "echo \"$TMPDIR\" > \"$ROOT/$PROJECT.tmpdir\"; " +
        $"printf '<TestRun><ResultSummary><Counters passed=\"{passed}\" failed=\"0\" notExecuted=\"{skipped}\" /></ResultSummary></TestRun>' > \"$RESULTS/tests.trx\"";

    /// <summary>Alive, not a zombie waiting to be reaped.</summary>
    private static bool Running(string pid)
    {
        var stat = $"/proc/{pid}/stat";
        return File.Exists(stat) && File.ReadAllText(stat).Split(") ", 2)[1][0] != 'Z';
    }

    private sealed class RunsBuild(string root, IReadOnlyDictionary<string, string> scripts) : PipelineBuild, ITest
    {
        public Target Feed => _ => _.Executes(async context =>
        {
            var projects = scripts.Keys.Select(name => new TestProject(name, AbsolutePath.Create(Path.Combine(root, name + ".csproj")))).ToList();
            var outcomes = await ProjectRuns.RunAsync(projects, new Dictionary<string, TimeSpan>(), (project, results, temporary) =>
                // As the test host gets its TMPDIR from the run settings, while dotnet test itself has another.
                new ProcessRequest("sh", ["-c", "export TMPDIR=\"$TEST_TMPDIR\"; " + scripts[project.Name]])
                {
                    Environment = new Dictionary<string, string?> { ["TEST_TMPDIR"] = temporary, ["RESULTS"] = results, ["ROOT"] = root, ["PROJECT"] = project.Name },
                    ThrowOnFailure = false,
                    Timeout = TimeSpan.FromMinutes(2),
                }, ((ITest)this).TestResultsDirectory, context);
            await TestRun.Conclude(this, context, outcomes);
        });
    }
}
