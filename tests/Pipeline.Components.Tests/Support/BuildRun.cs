using Pipeline.Targets;
using Pipeline.Tests.Shared;

namespace Pipeline.Components.Tests.Support;

/// <summary>Runs a build in-process with a temporary root (holding <c>.nuke/</c>), a given environment and captured output.</summary>
internal sealed class BuildRun : IDisposable
{
    public BuildRun()
    {
        Root = TestTemp.Folder("pipeline-components-");
        Directory.CreateDirectory(Path.Combine(Root, ".nuke"));
    }

    public string Root { get; }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal) { ["PATH"] = System.Environment.GetEnvironmentVariable("PATH") ?? "" };

    public string Output { get; private set; } = "";

    public async Task<BuildOutcome> RunAsync(PipelineBuild build, params string[] arguments)
    {
        using var output = new StringWriter();
        var outcome = await BuildEngine.RunAsync(build, new BuildInvocation(arguments)
        {
            Environment = Environment,
            Output = output,
            WorkingDirectory = Root,
            IsTerminal = false,
        });
        Output = output.ToString();
        return outcome;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
