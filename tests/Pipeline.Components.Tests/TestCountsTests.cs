using Pipeline.Components;
using Pipeline.Tests.Shared;

namespace Pipeline.Components.Tests;

public sealed class TestCountsTests : IDisposable
{
    private readonly string _results = TestTemp.Folder("pipeline-trx-");

    public void Dispose() => Directory.Delete(_results, recursive: true);

    [Fact]
    public void Counts_add_up_over_the_TRX_files_and_the_line_names_skips_only_when_there_are_some()
    {
        Trx("a.trx", passed: 3, failed: 1, notExecuted: 0, storage: "/r/tests/a/bin/a.tests.dll");
        Trx("b.trx", passed: 2, failed: 0, notExecuted: 2, storage: "/r/tests/b/bin/b.tests.dll");

        var counts = TestCounts.Read(_results);

        counts.Should().Be(new TestCounts(5, 1, 2));
        counts.ToString().Should().Be("5 passed, 1 failed, 2 skipped");
        new TestCounts(4, 0, 0).ToString().Should().Be("4 passed, 0 failed");
    }

    [Fact]
    public void An_assembly_that_started_but_left_no_TRX_is_reported_and_one_without_tests_is_not()
    {
        Trx("a.trx", passed: 3, failed: 0, notExecuted: 0, storage: "/r/tests/a/bin/debug/net10.0/a.tests.dll");
        File.WriteAllText(Path.Combine(_results, "empty.trx"), """
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <ResultSummary outcome="Completed"><Counters total="0" passed="0" failed="0" />
                <RunInfos><RunInfo outcome="Warning"><Text>No test is available in /r/tests/empty/bin/Debug/net10.0/Empty.Tests.dll. Make sure that test discoverer &amp; executors are registered.</Text></RunInfo></RunInfos>
              </ResultSummary>
            </TestRun>
            """);
        const string output = """
            Test run for /r/tests/a/bin/Debug/net10.0/A.Tests.dll (.NETCoreApp,Version=v10.0)
            Test run for /r/tests/empty/bin/Debug/net10.0/Empty.Tests.dll (.NETCoreApp,Version=v10.0)
            Test run for /r/tests/c/bin/Debug/net10.0/Crashed.Tests.dll (.NETCoreApp,Version=v10.0)
            The active test run was aborted. Reason: Test host process crashed
            """;

        TestCounts.AssembliesWithoutResults(output, _results).Should().Equal("Crashed.Tests.dll");
    }

    private void Trx(string name, int passed, int failed, int notExecuted, string storage) =>
        File.WriteAllText(Path.Combine(_results, name), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <TestDefinitions><UnitTest name="T" storage="{storage}" id="1" /></TestDefinitions>
              <ResultSummary outcome="Completed"><Counters total="{passed + failed + notExecuted}" passed="{passed}" failed="{failed}" notExecuted="{notExecuted}" /></ResultSummary>
            </TestRun>
            """);
}
