using System.Runtime.CompilerServices;

namespace Pipeline.Targets;

/// <summary>
/// What every build offers to its targets and to component interfaces. Components declare their targets and
/// parameters as default members of interfaces deriving from this one, and the build class implements them.
/// </summary>
public interface IPipelineBuild
{
    /// <summary>The root directory of the build (the directory holding <c>.nuke/</c>).</summary>
    AbsolutePath RootDirectory { get; }

    /// <summary><c>artifacts/</c> under the root: where targets write their records and packages.</summary>
    AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";

    /// <summary><c>.nuke/temp/</c> under the root: scratch space, git-ignored.</summary>
    AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

    /// <summary>Where the build runs.</summary>
    HostKind Host { get; }

    /// <summary>True on a CI server.</summary>
    bool IsServerBuild { get; }

    /// <summary>True on a developer machine.</summary>
    bool IsLocalBuild => !IsServerBuild;

    /// <summary>Environment variables the build was started with.</summary>
    IReadOnlyDictionary<string, string> EnvironmentVariables { get; }

    /// <summary>
    /// The bound value of a parameter declared on a component interface:
    /// <c>[Parameter("...")] string Image =&gt; TryGetValue&lt;string&gt;() ?? "default";</c>.
    /// Returns default when no source set it.
    /// </summary>
    /// <param name="parameter">The parameter's member name; filled in by the compiler.</param>
    T? TryGetValue<T>([CallerMemberName] string parameter = "");

    /// <summary>
    /// Where a parameter's value came from, as <c>--help</c> and errors say it: <c>command line</c>,
    /// <c>environment variable IMAGE</c>, <c>.nuke/parameters.ci.json</c>, <c>.nuke/parameters.json</c>, or <c>default</c>.
    /// </summary>
    /// <param name="parameter">The parameter's member name: <c>nameof(IHazImage.Image)</c>.</param>
    string SourceOf(string parameter) => "default";

    /// <summary>The command line the build was started with, secrets replaced by <c>***</c>: <c>./build.sh Promote --skip Test</c>.</summary>
    string Invocation => "./build.sh";
}
