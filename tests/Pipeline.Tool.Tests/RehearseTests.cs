namespace Pipeline.Tool.Tests;

/// <summary>
/// <c>pipeline rehearse</c> of the sample non-.NET service against its own GitOps files, on the real Docker engine,
/// a local registry and the local GitHub server: a changed seed is noticed, and a server that never exits is stopped
/// and removed when --rehearsal-run times out.
/// </summary>
public sealed class RehearseTests : IDisposable
{
    private readonly ToolRun _tool = new();

    [DockerFact]
    public void The_sample_service_is_rehearsed_from_its_own_spec_a_changed_seed_is_reseeded_and_a_hanging_run_is_removed()
    {
        var service = _tool.CopySample("hello-service");
        var gitops = _tool.CopySample("hello-gitops");
        ToolRun.Commit(service);
        ToolRun.Shell(service, "sh", "prepare.sh").ExitCode.Should().Be(0);
        var image = $"localhost:{ToolRun.FreePort()}/example/hello-service";
        string[] rehearse = ["rehearse", "--rehearsal-gitops", gitops, "--rehearsal-image", image];

        var first = _tool.RunIn(service, rehearse);

        first.Should().Be(0, _tool.Output);
        _tool.Output.Should().Contain($"app hello-service as {image} (its registry mapped to")
            .And.Contain("pinned     dev: main:apps/hello-service/values-dev.yaml")
            .And.Contain("pinned     prod: main:environments/prod/deployment.yaml")
            .And.Contain("dev        Committed")
            .And.Contain("prod       PullRequestMerged")
            .And.MatchRegex(@"runs\s+docker run on this machine \([^)]+\): reports commit [0-9a-f]{40}");
        File.ReadAllText(Path.Combine(gitops, "promotion.yaml")).Should().Contain("image: ghcr.io/example/hello-service", "the team's spec is used as it is");

        File.AppendAllText(Path.Combine(gitops, "apps", "hello-service", "values-dev.yaml"), "resources: {}\n");
        var reseeded = _tool.RunIn(service, rehearse);

        reseeded.Should().Be(0, _tool.Output);
        _tool.Output.Should().Contain("changed since the last rehearsal: the rehearsal's GitOps repository is seeded again")
            .And.Contain("(already built: nothing new built)")
            .And.Contain("dev        Committed", "the new seed does not pin the image yet");

        var hanging = _tool.RunIn(service, [.. rehearse, "--rehearsal-run", "httpd -f -p 8080 -h /www", "--rehearsal-run-timeout", "3"]);

        hanging.Should().Be(1);
        _tool.Output.Should().Contain("was still running after 3 s, so it was stopped and its container removed");
        ToolRun.Shell(service, "docker", "ps", "-a", "--filter", "name=pipeline-rehearsal-", "--format", "{{.Names}}").Output.Trim()
            .Should().BeEmpty("the container is always removed");
    }

    public void Dispose() => _tool.Dispose();
}
