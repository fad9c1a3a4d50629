using Pipeline.Components;
using Pipeline.LocalRehearsal;
using Pipeline.Targets;

namespace Pipeline.Tool;

/// <summary>
/// The build behind the <c>pipeline</c> command: the same components a .NET build lists, so that
/// <c>pipeline promote</c> and <c>./build.sh Promote</c> run one code path with one set of parameters.
/// </summary>
internal sealed class ToolBuild : PipelineBuild, IRehearse, IApplyDispatch
{
    IRehearsalInfrastructure IRehearse.RehearsalInfrastructure => new LocalRehearsalInfrastructure();
}
