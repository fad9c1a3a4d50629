using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>Compiles the solution.</summary>
public interface ICompile : IHazSolution
{
    /// <summary>Runs <c>dotnet build</c> on the solution.</summary>
    Target Compile => _ => _
        .Description("Compiles the solution.")
        .Executes(context => DotNetSolution.RunAsync(this, context, "build", Solution, "-c", Configuration.ToString(), "-nologo", "-v", "q", "-clp:NoSummary"));
}
