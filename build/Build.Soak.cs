using Pipeline.LocalRehearsal.Soak;
using Pipeline.Promotion;
using Pipeline.Targets;

namespace Pipeline.Build;

/// <summary>The promotion soak: many promoters racing for one branch of the local GitHub server, with injected faults.</summary>
internal sealed partial class Build
{
    [Parameter("Soak: concurrent promoters (one app each) per API writer.")]
    readonly int SoakPromoters = 50;

    [Parameter("Soak: promotions each promoter runs, one after the other.")]
    readonly int SoakRounds = 5;

    [Parameter("Soak: percentage of requests answered with an injected fault (502, 503, 409, 422, 429 with Retry-After).")]
    readonly int SoakFaults = 20;

    [Parameter("Soak: the writers to soak.")]
    readonly WriteMethod[] SoakWriters = [WriteMethod.GraphQL, WriteMethod.GitData, WriteMethod.Contents, WriteMethod.Git];

    [Parameter("Soak: concurrent promoters of the git writer, over git smart HTTP.")]
    readonly int SoakGitPromoters = 20;

    [Parameter("Soak: rounds of each git promoter.")]
    readonly int SoakGitRounds = 5;

    [Parameter("Soak: every promoter on its own, as if each ran in a process of its own (no shared per-branch queue).")]
    readonly bool SoakIsolated;

    [Parameter("Soak: concurrent ./build.sh BumpGitOps --write-method Git processes into one file:// repository (0 skips them).")]
    readonly int SoakProcesses = 20;

    Target Soak => _ => _
        .Description("Promotion soak: N promoters x R rounds per writer against the local GitHub server with injected faults, then N ./build.sh BumpGitOps processes into one file:// repository; prints landed, lost, retries, wall time.")
        .Executes(async context =>
        {
            var report = await PromotionSoak.RunAsync(new SoakOptions
            {
                Promoters = SoakPromoters,
                Rounds = SoakRounds,
                FaultPercent = SoakFaults,
                Writers = SoakWriters,
                GitPromoters = SoakGitPromoters,
                GitRounds = SoakGitRounds,
                SharedQueue = !SoakIsolated,
                Log = line => Log.Information(line),
            }, context.CancellationToken);
            if (SoakProcesses > 0)
            {
                report = report with { Runs = [.. report.Runs, await CliSoak.RunAsync(RootDirectory / "build.sh", SoakProcesses, line => Log.Information(line), context.CancellationToken)] };
            }

            var text = report.ToText();
            Log.Information("");
            Log.Information(text);
            context.AppendSummary("### Promotion soak\n\n```\n" + text + "```\n");
            File.WriteAllText(ArtifactsDirectory.CreateDirectory() / "soak.txt", text);
            if (!report.Converged)
            {
                throw new BuildException("The soak did not converge: some promotions did not land exactly once, were lost, or left a wrong file (table above).");
            }
        });
}
