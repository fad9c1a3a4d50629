using System.Collections.Concurrent;
using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Pipeline.Tests.Shared;

/// <summary>
/// Temporary folders that helpers hand out to tests (a build context, an artifacts folder, a scratch clone) and that no
/// single test owns: each is removed when the test run of the assembly ends (by <see cref="TestTempFramework"/>). The
/// Test target fails a test project that leaves anything in its temporary folder.
/// </summary>
internal static class TestTemp
{
    private static readonly ConcurrentBag<string> Created = [];

    /// <summary>A new, empty folder named <paramref name="prefix"/> and a random suffix in the temporary folder.</summary>
    public static string Folder(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        Created.Add(folder);
        return folder;
    }

    /// <summary>Has a folder made elsewhere removed with the others when the run of the assembly ends.</summary>
    public static string Track(string folder)
    {
        Created.Add(folder);
        return folder;
    }

    /// <summary>Removes a folder and everything in it, now; one that is already gone is fine.</summary>
    public static void Delete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Something still writes there (a process being stopped): the exit of the test process tries again.
            Created.Add(folder);
        }
    }

    /// <summary>Removes every folder handed out so far.</summary>
    public static void DeleteAll()
    {
        foreach (var folder in Created.Distinct(StringComparer.Ordinal).ToList())
        {
            Delete(folder);
        }
    }
}

/// <summary>
/// xunit's test framework with one addition: before the run of the assembly reports that it finished, the
/// <see cref="TestTemp"/> folders are removed. (Later would be too late: the test host may end as soon as the run is
/// reported finished, and a handler of the process's exit is not always run.) Named by each test project with
/// <c>[assembly: TestFramework]</c>, an <c>AssemblyAttribute</c> of its project file.
/// </summary>
public sealed class TestTempFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformation, IMessageSink diagnostics)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformation, diagnostics)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new Runner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class Runner(ITestAssembly assembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnostics, IMessageSink execution, ITestFrameworkExecutionOptions options)
        : XunitTestAssemblyRunner(assembly, testCases, diagnostics, execution, options)
    {
        protected override Task BeforeTestAssemblyFinishedAsync()
        {
            TestTemp.DeleteAll();
            return base.BeforeTestAssemblyFinishedAsync();
        }
    }
}
