using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>Finding the solution and running the dotnet CLI on it.</summary>
internal static class DotNetSolution
{
    public static AbsolutePath Find(AbsolutePath root)
    {
        var candidates = Directory.GetFiles(root, "*.sln").Concat(Directory.GetFiles(root, "*.slnx")).Order(StringComparer.Ordinal).ToList();
        return candidates.Count switch
        {
            1 => AbsolutePath.Create(candidates[0]),
            0 => throw new BuildException($"No solution (*.sln) at {root}; pass one with --solution <path>."),
            _ => throw new BuildException($"Several solutions at {root} ({string.Join(", ", candidates.Select(Path.GetFileName))}); pick one with --solution <path>."),
        };
    }

    public static Task<ProcessResult> RunAsync(IHazSolution build, TargetContext context, params string[] arguments) =>
        ProcessRunner.RunAsync(new ProcessRequest("dotnet", arguments) { WorkingDirectory = build.RootDirectory, Output = Log.Information }, context.CancellationToken);
}
