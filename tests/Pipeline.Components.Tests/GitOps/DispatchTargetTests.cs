using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Targets;

namespace Pipeline.Components.Tests.GitOps;

/// <summary>
/// The dispatch round trip through the build targets, as two CI jobs would run it: BumpGitOps with
/// --write-method Dispatch sends a repository_dispatch; ApplyDispatch, in the GitOps repository's workflow, reads the
/// event file and commits the pin with the GitHub App.
/// </summary>
public sealed class DispatchTargetTests : IAsyncLifetime
{
    private const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private GitOpsBuildFixture _gitops = null!;

    public async Task InitializeAsync() => _gitops = await GitOpsBuildFixture.StartAsync(new Dictionary<string, string>
    {
        ["promotion.yaml"] = """
            apps:
              web:
                image: ghcr.io/acme/web
                environments:
                  dev:
                    files:
                      - path: dev/values.yaml
                        helm: { tag: image.tag, digest: image.digest }
            """,
        ["dev/values.yaml"] = "image:\n  tag: \"0.9.0\" # pinned by CI\n  digest: \"\"\n",
    }, appId: 77);

    public async Task DisposeAsync() => await _gitops.DisposeAsync();

    [Fact]
    public async Task BumpGitOps_sends_a_dispatch_and_ApplyDispatch_applies_it_with_the_App()
    {
        var image = $"ghcr.io/acme/web:1.2.3@{Digest}";
        var sent = await _gitops.RunAsync(new DispatchBuild(), "BumpGitOps", "--skip", "--image-reference", image, "--write-method", "Dispatch", "--gitops-app", "web");
        sent.Outcome.ExitCode.Should().Be(0, sent.Output);
        var dispatch = _gitops.Server.DispatchEvents.Should().ContainSingle().Subject;
        dispatch.EventType.Should().Be("pipeline-promote");

        var eventPath = Path.Combine(_gitops.Root, "event.json");
        var payload = JsonNode.Parse(dispatch.ClientPayload!.Value.GetRawText());
        await File.WriteAllTextAsync(eventPath, new JsonObject { ["action"] = dispatch.EventType, ["client_payload"] = payload }.ToJsonString());
        var applied = await _gitops.RunAsync(new DispatchBuild(), "ApplyDispatch", "--dispatch-event", eventPath);

        applied.Outcome.ExitCode.Should().Be(0, applied.Output);
        applied.Output.Should().Contain("web/dev: committed");
        var values = await _gitops.ShowAsync("main:dev/values.yaml");
        values.Should().Be($"image:\n  tag: \"1.2.3\" # pinned by CI\n  digest: \"{Digest}\"\n");
        using var record = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_gitops.Root, "artifacts", "promotion.json")));
        record.RootElement.GetProperty("results")[0].GetProperty("status").GetString().Should().Be("Committed");
    }

    [Fact]
    public async Task ApplyDispatch_refuses_an_app_the_spec_does_not_name_and_writes_nothing()
    {
        var eventPath = Path.Combine(_gitops.Root, "event.json");
        await File.WriteAllTextAsync(eventPath, $$"""{ "action": "pipeline-promote", "client_payload": { "app": "../../etc", "image": "ghcr.io/acme/web:1.2.3@{{Digest}}" } }""");
        var head = await _gitops.Server.BranchHeadAsync("acme", "gitops", "main");

        var applied = await _gitops.RunAsync(new DispatchBuild(), "ApplyDispatch", "--dispatch-event", eventPath);

        applied.Outcome.ExitCode.Should().Be(BuildOutcome.Failure);
        applied.Output.Should().Contain("../../etc");
        (await _gitops.Server.BranchHeadAsync("acme", "gitops", "main")).Should().Be(head);
    }

    public sealed class DispatchBuild : PipelineBuild, IBumpGitOps, IApplyDispatch;
}
