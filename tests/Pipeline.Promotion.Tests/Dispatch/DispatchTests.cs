using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.GitHub;
using Pipeline.Promotion.Tests.Support;

namespace Pipeline.Promotion.Tests.Dispatch;

public sealed class DispatchTests(GitOpsServer github) : IClassFixture<GitOpsServer>, IDisposable
{
    private readonly Promotions _promotions = new(github);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("promotion-dispatch-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task A_dispatch_round_trip_promotes_what_the_receiver_spec_says()
    {
        var gitops = await github.RepositoryAsync(fixture: "helm-environments");
        var image = Images.Pinned("ghcr.io/myorg/myapp", "2.0.0-dev");
        var send = new PromotionRequest(github.Target(gitops), image)
        {
            App = "myapp",
            WriteMethod = WriteMethod.Dispatch,
            Credentials = github.UserCredentials,
            Source = new PromotionSource("myorg/myapp", "abcdef1234567890abcdef1234567890abcdef12") { Branch = "develop", Message = "Fix the login\n\nDetails" },
            AllowMovedSource = true,
            CiRunUrl = "https://ci.example/runs/7",
        };

        var sent = (await new Promoter().PromoteAsync(send)).Results.Single();
        var recorded = github.Server.DispatchEvents.Single(e => e.Repository == gitops.Name);
        var eventPath = Path.Combine(_folder.FullName, "event.json");
        await File.WriteAllTextAsync(eventPath, new JsonObject
        {
            ["action"] = recorded.EventType,
            ["branch"] = "main",
            ["client_payload"] = JsonNode.Parse(recorded.ClientPayload!.Value.GetRawText()),
            ["repository"] = new JsonObject { ["full_name"] = gitops.ToString() },
        }.ToJsonString());
        var template = new PromotionSettings(github.Target(gitops)) { Credentials = github.UserCredentials, WriteMethod = WriteMethod.GitData, AllowMovedSource = true, Rollback = true };
        var applied = await new Promoter().ApplyDispatchAsync(eventPath, template, PromotionDispatch.DefaultEventType);

        sent.Status.Should().Be(PromotionStatus.Dispatched);
        recorded.EventType.Should().Be("pipeline-promote");
        recorded.ClientPayload!.Value.GetProperty("image").GetString().Should().Be(image.ToString());
        recorded.ClientPayload!.Value.GetProperty("source_message").GetString().Should().Be("Fix the login");
        var result = applied.Results.Single();
        result.Environment.Should().Be("dev");
        result.Status.Should().Be(PromotionStatus.Committed);
        (await github.ShowTextAsync(gitops, "main", "environments/dev/values.yaml")).Should().Contain("imageTag: \"2.0.0-dev\"");
        (await github.GitAsync(gitops, "log", "-1", "--format=%B", "main")).Should()
            .StartWith("Branch develop led to updated Docker image '2.0.0-dev': Fix the login\n\n").And.Contain("CI-Run: https://ci.example/runs/7");
    }

    [Fact]
    public async Task A_dispatch_dry_run_shows_the_payload_and_sends_nothing()
    {
        var gitops = await github.RepositoryAsync(fixture: "helm-environments");
        var request = new PromotionRequest(github.Target(gitops), Images.Pinned("ghcr.io/myorg/myapp", "2.0.0-dev"))
        {
            App = "myapp",
            Environments = ["dev"],
            WriteMethod = WriteMethod.Dispatch,
            Credentials = github.UserCredentials,
            DryRun = true,
        };

        var result = (await new Promoter().PromoteAsync(request)).Results.Single();

        result.Status.Should().Be(PromotionStatus.DryRun);
        result.Steps.Single().Should().Contain("send repository_dispatch 'pipeline-promote'").And.Contain("\"environments\": [");
        github.Server.DispatchEvents.Should().NotContain(e => e.Repository == gitops.Name);
    }

    [Theory]
    [InlineData("""{"app":"other","image":"ghcr.io/myorg/myapp:1.0-dev@sha256:DIGEST"}""", "app 'other'")]
    [InlineData("""{"app":"myapp","environments":["staging"],"image":"ghcr.io/myorg/myapp:1.0-dev@sha256:DIGEST"}""", "environment 'staging'")]
    [InlineData("""{"app":"myapp","image":"ghcr.io/evil/image:1.0-dev@sha256:DIGEST"}""", "refusing to pin another image")]
    [InlineData("""{"app":"myapp","image":"ghcr.io/myorg/myapp:1.0-dev"}""", "must be pinned")]
    [InlineData("""{"app":"myapp","image":"ghcr.io/myorg/myapp:1.0\"\nx: y@sha256:DIGEST"}""", "is not an image reference")]
    [InlineData("""{"app":"myapp","image":"ghcr.io/myorg/myapp:1.0-dev@sha256:DIGEST","source_commit":"main; rm -rf"}""", "source_commit")]
    [InlineData("""{"app":"myapp","image":"ghcr.io/myorg/myapp:1.0-dev@sha256:DIGEST","source_branch":"a..b"}""", "source_branch")]
    [InlineData("""{"app":"myapp","image":"ghcr.io/myorg/myapp:1.0-dev@sha256:DIGEST","ci_run":"javascript:alert(1)"}""", "ci_run")]
    public void The_receiver_refuses_what_the_spec_does_not_name_or_what_is_malformed(string payload, string problem)
    {
        var json = payload.Replace("DIGEST", Images.DigestOf("x").Hex, StringComparison.Ordinal);

        var act = () => PromotionDispatchReceiver.Validate(PromotionDispatch.FromPayload(JsonNode.Parse(json)!), Fixtures.Spec("helm-environments"));

        act.Should().Throw<PromotionDispatchException>().Which.Message.Should().Contain(problem);
    }

    [Fact]
    public async Task The_receiver_reads_payload_files_and_checks_the_event_type()
    {
        var payload = new PromotionDispatch("myapp", Images.Pinned("ghcr.io/myorg/myapp", "1.0-stable").ToString()) { SourceCommit = "ABCDEF1" };
        var payloadPath = Path.Combine(_folder.FullName, "payload.json");
        var eventPath = Path.Combine(_folder.FullName, "event.json");
        await File.WriteAllTextAsync(payloadPath, payload.ToRepositoryDispatch().ClientPayload!.ToJsonString());
        await File.WriteAllTextAsync(eventPath, new JsonObject { ["action"] = "update-tag", ["client_payload"] = payload.ToRepositoryDispatch().ClientPayload!.DeepClone() }.ToJsonString());

        var read = await PromotionDispatchReceiver.ReadAsync(payloadPath);
        var accepted = PromotionDispatchReceiver.Validate(read, Fixtures.Spec("helm-environments"));

        accepted.App.Should().Be("myapp");
        accepted.Source.Commit.Should().Be("abcdef1");
        accepted.ApplyTo(new PromotionSettings(PromotionTarget.Parse("o/r"))).Image.Should().Be(accepted.Image);
        (await PromotionDispatchReceiver.ReadAsync(eventPath, "update-tag")).App.Should().Be("myapp");
        await FluentActions.Invoking(() => PromotionDispatchReceiver.ReadAsync(eventPath, "pipeline-promote")).Should()
            .ThrowAsync<PromotionDispatchException>().WithMessage("*'update-tag' event, not 'pipeline-promote'*");
    }

    [Fact]
    public void A_payload_over_github_limits_is_refused_before_sending()
    {
        var payload = new PromotionDispatch("myapp", Images.Pinned("ghcr.io/myorg/myapp", "1.0").ToString()) { SourceMessage = new string('x', 70_000) };

        var act = () => payload.ToRepositoryDispatch();

        act.Should().Throw<GitHubRequestValidationException>().WithMessage("*client_payload is * bytes*");
        var small = payload with { SourceMessage = "fix" };
        small.Invoking(p => p.ToRepositoryDispatch(new string('e', 101))).Should().Throw<GitHubRequestValidationException>().WithMessage("*event_type is 101 characters*");
        JsonSerializer.Serialize(small.ToRepositoryDispatch().ClientPayload).Should().Contain("\"source_message\":\"fix\"");
    }
}
