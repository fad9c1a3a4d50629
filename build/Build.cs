using Pipeline.Components;
using Pipeline.Targets;

namespace Pipeline.Build;

/// <summary>This repository's build: it composes the reusable components and adds nothing of its own yet.</summary>
internal sealed class Build : PipelineBuild, ITest, IPack, ICaptureDigest
{
    public static int Main(string[] args) => Execute<Build>(args, nameof(ICompile.Compile));
}
