using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>The configuration to build.</summary>
public enum BuildConfiguration
{
    /// <summary>Debug: no optimisation.</summary>
    Debug,

    /// <summary>Release: optimised.</summary>
    Release,
}

/// <summary>A build with a .NET solution.</summary>
public interface IHazSolution : IPipelineBuild
{
    /// <summary>The solution; by default the one <c>*.sln</c> (or <c>*.slnx</c>) file at the root, null when there is none.</summary>
    [Parameter("The .NET solution to compile and test (default: the one *.sln at the root, if any).")]
    AbsolutePath? Solution => TryGetValue<AbsolutePath>() ?? DotNetSolution.Find(RootDirectory);

    /// <summary>The configuration to build.</summary>
    [Parameter("Configuration to build.")]
    BuildConfiguration Configuration => TryGetValue<BuildConfiguration?>() ?? BuildConfiguration.Debug;
}
