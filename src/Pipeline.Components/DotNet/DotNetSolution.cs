using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>Finding the solution and running the dotnet CLI on it.</summary>
internal static class DotNetSolution
{
    /// <summary>The one <c>*.sln</c> (or <c>*.slnx</c>) at the root, or null when there is none.</summary>
    public static AbsolutePath? Find(AbsolutePath root)
    {
        var candidates = Directory.GetFiles(root, "*.sln").Concat(Directory.GetFiles(root, "*.slnx")).Order(StringComparer.Ordinal).ToList();
        return candidates.Count switch
        {
            0 => null,
            1 => AbsolutePath.Create(candidates[0]),
            _ => throw new BuildException($"Several solutions at {root} ({string.Join(", ", candidates.Select(Path.GetFileName))}); pick one with --solution <path>."),
        };
    }

    /// <summary>The solution, or an error that says how to name one (Compile and Pack need one).</summary>
    public static AbsolutePath Require(IHazSolution build) =>
        build.Solution ?? throw new BuildException($"No .NET solution (*.sln) at {build.RootDirectory}; pass one with --solution <path>.");

    public static Task<ProcessResult> RunAsync(IHazSolution build, TargetContext context, params string[] arguments) =>
        ProcessRunner.RunAsync(new ProcessRequest("dotnet", arguments) { WorkingDirectory = build.RootDirectory, Output = Log.Information }, context.CancellationToken);
}
