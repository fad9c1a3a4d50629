using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>Compiles the solution.</summary>
public interface ICompile : IHazSolution
{
    /// <summary>Runs <c>dotnet build</c> on the solution; skipped in a repository without one (a Go or Node service, say).</summary>
    Target Compile => _ => _
        .Description("Compiles the .NET solution (skipped when the repository has none).")
        .OnlyWhenStatic(() => Solution != null)
        .Executes(context => DotNetSolution.RunAsync(this, context, "build", DotNetSolution.Require(this), "-c", Configuration.ToString(), "-nologo", "-v", "q", "-clp:NoSummary"));
}
