using Pipeline.Targets;
using Pipeline.Tests.Shared;

namespace Pipeline.Targets.Tests;

/// <summary>Runs a build in-process against a temporary root, capturing its output.</summary>
internal sealed class BuildHarness : IDisposable
{
    public BuildHarness()
    {
        Root = TestTemp.Folder("pipeline-targets-");
        Directory.CreateDirectory(Path.Combine(Root, ".nuke"));
    }

    public string Root { get; }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public string Output { get; private set; } = "";

    public string[] Lines => Output.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    public void WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public BuildOutcome Run<TBuild>(params string[] args) where TBuild : PipelineBuild, new() => Run(new TBuild(), args);

    public BuildOutcome Run(PipelineBuild build, params string[] args) => RunAsync(build, CancellationToken.None, args).GetAwaiter().GetResult();

    public async Task<BuildOutcome> RunAsync(PipelineBuild build, CancellationToken cancellation, params string[] args)
    {
        using var writer = new StringWriter();
        var outcome = await BuildEngine.RunAsync(build, new BuildInvocation(args)
        {
            Environment = Environment,
            Output = writer,
            WorkingDirectory = Root,
            IsTerminal = false,
            CancellationToken = cancellation,
        });
        Output = writer.ToString();
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
    }
}
