using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Components;
using Pipeline.Rehearsal.GitHub;
using Pipeline.Targets;

namespace Pipeline.Rehearsal.Tests.Components;

/// <summary>
/// The dispatch round trip through the build targets, as two CI jobs would run it: BumpGitOps with
/// --write-method Dispatch sends a repository_dispatch; ApplyDispatch, in the GitOps repository's workflow, reads the
/// event file and commits the pin with the GitHub App.
/// </summary>
public sealed class DispatchTargetTests : IAsyncLifetime
{
    private const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private LocalGitHubServer _server = null!;
    private string _root = null!;
    private string _key = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalGitHubServer.StartAsync();
        var seed = Directory.CreateTempSubdirectory("pipeline-dispatch-seed-").FullName;
        await File.WriteAllTextAsync(Path.Combine(seed, "promotion.yaml"), """
            apps:
              web:
                image: ghcr.io/acme/web
                environments:
                  dev:
                    files:
                      - path: dev/values.yaml
                        helm: { tag: image.tag, digest: image.digest }
            """);
        Directory.CreateDirectory(Path.Combine(seed, "dev"));
        await File.WriteAllTextAsync(Path.Combine(seed, "dev", "values.yaml"), "image:\n  tag: \"0.9.0\" # pinned by CI\n  digest: \"\"\n");
        await _server.CreateRepositoryAsync("acme", "gitops", "main", seed);
        using var rsa = RSA.Create(2048);
        _key = rsa.ExportRSAPrivateKeyPem();
        _server.RegisterApp(77, "Iv1.dispatch", _key, "dispatcher");
        _server.InstallApp(77, "acme", ["gitops"]);

        // The source repository the build runs in: a git repository with one commit.
        _root = Directory.CreateTempSubdirectory("pipeline-dispatch-build-").FullName;
        Directory.CreateDirectory(Path.Combine(_root, ".nuke"));
        Git("init", "--quiet", "--initial-branch", "main");
        Git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "--allow-empty", "-m", "feat: something");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task BumpGitOps_sends_a_dispatch_and_ApplyDispatch_applies_it_with_the_App()
    {
        var image = $"ghcr.io/acme/web:1.2.3@{Digest}";
        var sent = await RunAsync("BumpGitOps", "--skip", "--image-reference", image, "--write-method", "Dispatch", "--gitops-app", "web");
        sent.Outcome.ExitCode.Should().Be(0, sent.Output);
        var dispatch = _server.DispatchEvents.Should().ContainSingle().Subject;
        dispatch.EventType.Should().Be("pipeline-promote");

        var eventPath = Path.Combine(_root, "event.json");
        var payload = JsonNode.Parse(dispatch.ClientPayload!.Value.GetRawText());
        await File.WriteAllTextAsync(eventPath, new JsonObject { ["action"] = dispatch.EventType, ["client_payload"] = payload }.ToJsonString());
        var applied = await RunAsync("ApplyDispatch", "--dispatch-event", eventPath);

        applied.Outcome.ExitCode.Should().Be(0, applied.Output);
        applied.Output.Should().Contain("web/dev: committed");
        var values = await ShowAsync("main:dev/values.yaml");
        values.Should().Be($"image:\n  tag: \"1.2.3\" # pinned by CI\n  digest: \"{Digest}\"\n");
        using var record = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_root, "artifacts", "promotion.json")));
        record.RootElement.GetProperty("results")[0].GetProperty("status").GetString().Should().Be("Committed");
    }

    [Fact]
    public async Task ApplyDispatch_refuses_an_app_the_spec_does_not_name_and_writes_nothing()
    {
        var eventPath = Path.Combine(_root, "event.json");
        await File.WriteAllTextAsync(eventPath, $$"""{ "action": "pipeline-promote", "client_payload": { "app": "../../etc", "image": "ghcr.io/acme/web:1.2.3@{{Digest}}" } }""");
        var head = await _server.BranchHeadAsync("acme", "gitops", "main");

        var applied = await RunAsync("ApplyDispatch", "--dispatch-event", eventPath);

        applied.Outcome.ExitCode.Should().Be(BuildOutcome.Failure);
        applied.Output.Should().Contain("../../etc");
        (await _server.BranchHeadAsync("acme", "gitops", "main")).Should().Be(head);
    }

    private async Task<(BuildOutcome Outcome, string Output)> RunAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        var environment = new Dictionary<string, string>
        {
            ["GITOPS_REPOSITORY"] = "acme/gitops",
            ["GITHUB_API_URL"] = _server.ApiUrl.ToString(),
            ["GITHUB_APP_ID"] = "77",
            ["GITHUB_APP_PRIVATE_KEY"] = _key,
        };
        var outcome = await BuildEngine.RunAsync(new DispatchBuild(), new BuildInvocation(arguments)
        {
            Environment = environment,
            Output = output,
            WorkingDirectory = _root,
            IsTerminal = false,
        });
        return (outcome, output.ToString());
    }

    private async Task<string> ShowAsync(string what)
    {
        var start = new ProcessStartInfo("git", ["--git-dir", _server.BareRepositoryPath("acme", "gitops"), "show", what]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text;
    }

    private void Git(params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("git", arguments) { WorkingDirectory = _root })!;
        process.WaitForExit();
        process.ExitCode.Should().Be(0);
    }

    public sealed class DispatchBuild : PipelineBuild, IBumpGitOps, IApplyDispatch;
}
