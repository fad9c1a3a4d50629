using Pipeline.Targets;

namespace Pipeline.Targets.Tests;

/// <summary>A build whose targets record that they ran.</summary>
public abstract class RecordingBuild : PipelineBuild
{
    public List<string> Ran { get; } = [];

    protected void Record(string name)
    {
        lock (Ran)
        {
            Ran.Add(name);
        }
    }
}

public sealed class ChainBuild : RecordingBuild
{
    public Target Clean => _ => _.Executes(() => Record(nameof(Clean)));
    public Target Restore => _ => _.Description("Restores packages.").Executes(() => Record(nameof(Restore)));
    public Target Compile => _ => _.Description("Compiles.").DependsOn(Restore).Executes(() => Record(nameof(Compile)));
    public Target Test => _ => _.DependsOn(Compile).After(Clean).Executes(() => Record(nameof(Test)));
    public Target Pack => _ => _.DependsOn(Compile).Before(Publish).Executes(() => Record(nameof(Pack)));
    public Target Publish => _ => _.DependsOn(Test).Triggers(Notify).Executes(() => Record(nameof(Publish)));
    public Target Notify => _ => _.Executes(() => Record(nameof(Notify)));
    public Target Lint => _ => _.DependentFor(Compile).Unlisted().Executes(() => Record(nameof(Lint)));
    public Target Audit => _ => _.TriggeredBy(Pack).Executes(() => Record(nameof(Audit)));
}

public sealed class CycleBuild : RecordingBuild
{
    public Target A => _ => _.DependsOn(B).Executes(() => Record(nameof(A)));
    public Target B => _ => _.DependsOn(C).Executes(() => Record(nameof(B)));
    public Target C => _ => _.DependsOn(A).Executes(() => Record(nameof(C)));
}

public sealed class FailureBuild : RecordingBuild
{
    public Target Setup => _ => _.Executes(() => Record(nameof(Setup)));
    public Target Flaky => _ => _.DependsOn(Setup).ProceedAfterFailure().Executes(() => { Record(nameof(Flaky)); throw new InvalidOperationException("flaky broke"); });
    public Target AfterFlaky => _ => _.DependsOn(Flaky).Executes(() => Record(nameof(AfterFlaky)));
    public Target Independent => _ => _.DependsOn(Setup).After(Flaky).Executes(() => Record(nameof(Independent)));
    public Target Broken => _ => _.DependsOn(Independent).Executes(() => { Record(nameof(Broken)); throw new InvalidOperationException("broken for good"); });
    public Target Later => _ => _.After(Broken).Executes(() => Record(nameof(Later)));
    public Target Cleanup => _ => _.After(Later).AssuredAfterFailure().Executes(() => Record(nameof(Cleanup)));
    public Target All => _ => _.DependsOn(AfterFlaky, Broken, Later, Cleanup);
}

public sealed class ConditionBuild : RecordingBuild
{
    public bool Deploy { get; set; }
    public bool Late { get; set; } = true;

    public Target Prepare => _ => _.Executes(() => Record(nameof(Prepare)));
    public Target Shared => _ => _.Executes(() => Record(nameof(Shared)));
    public Target Package => _ => _.DependsOn(Prepare, Shared).OnlyWhenStatic(() => Deploy).WhenSkipped(DependencyBehavior.Skip).Executes(() => Record(nameof(Package)));
    public Target Verify => _ => _.DependsOn(Shared).Executes(() => { Late = false; Record(nameof(Verify)); });
    public Target Announce => _ => _.DependsOn(Verify).OnlyWhenDynamic(() => Late).Executes(() => Record(nameof(Announce)));
    public Target Everything => _ => _.DependsOn(Package, Announce).Executes(() => Record(nameof(Everything)));
}
