using System.Text;
using System.Text.Json.Nodes;
using Pipeline.GitHub.Http;
using Pipeline.GitHub.Json;

namespace Pipeline.GitHub.Tests.Requests;

public sealed class RequestShapeTests
{
    [Fact]
    public void Base64_wrapped_at_60_characters_as_github_sends_it_decodes_exactly()
    {
        var original = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("image: ghcr.io/org/app:1.2.3@sha256:abc # é\r\n", 20)));
        var wrapped = string.Join("\n", Convert.ToBase64String(original).Chunk(60).Select(c => new string(c))) + "\n";

        GitHubBase64.Decode(wrapped).Should().Equal(original);
        GitHubBase64.Decode(wrapped.Replace("\n", "\r\n", StringComparison.Ordinal)).Should().Equal(original);
    }

    [Fact]
    public void Invalid_base64_is_refused()
    {
        var act = () => GitHubBase64.Decode("not*base64");

        act.Should().Throw<FormatException>();
    }

    [Theory]
    [InlineData("heads/main", "heads/main")]
    [InlineData("refs/heads/feature/x", "heads/feature/x")]
    [InlineData("tags/v1", "tags/v1")]
    public void Refs_are_sent_without_the_refs_prefix(string reference, string expected)
    {
        GitHubPaths.ShortRef(reference).Should().Be(expected);
    }

    [Fact]
    public void Bare_branch_names_are_refused_as_refs_with_the_accepted_forms()
    {
        var act = () => GitHubPaths.ShortRef("main");

        act.Should().Throw<ArgumentException>().WithMessage("*refs/heads/BRANCH*");
    }

    [Fact]
    public void Path_segments_are_escaped_and_slashes_kept()
    {
        GitHubPaths.Segments("env/prod app/values#1.yaml").Should().Be("env/prod%20app/values%231.yaml");
        GitHubPaths.Repo(new RepositoryId("o", "r"), "/x").Should().Be("repos/o/r/x");
        GitHubPaths.Query(("ref", "feature/x"), ("skip", null)).Should().Be("?ref=feature%2Fx");
    }

    [Fact]
    public void Dispatch_within_limits_has_no_problems()
    {
        var dispatch = new RepositoryDispatch("promote") { ClientPayload = new JsonObject { ["image"] = "ghcr.io/o/a@sha256:1", ["env"] = "prod" } };

        dispatch.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Dispatch_breaking_every_limit_lists_each_problem_with_its_fix()
    {
        var payload = new JsonObject();
        for (var i = 0; i < 11; i++)
        {
            payload["k" + i] = new string('x', 7000);
        }

        var problems = new RepositoryDispatch(new string('e', 101)) { ClientPayload = payload }.Validate();

        problems.Should().HaveCount(3);
        problems[0].Should().Contain("101 characters").And.Contain("at most 100");
        problems[1].Should().Contain("11 top-level properties").And.Contain("at most 10");
        problems[2].Should().Contain("less than 65536");
    }

    [Fact]
    public void Dispatch_payload_of_exactly_64_KB_is_refused_and_one_byte_less_is_accepted()
    {
        var overhead = RepositoryDispatch.PayloadBytes(new JsonObject { ["d"] = "" });
        var atLimit = new JsonObject { ["d"] = new string('x', RepositoryDispatch.MaxPayloadBytes - overhead) };
        var below = new JsonObject { ["d"] = new string('x', RepositoryDispatch.MaxPayloadBytes - overhead - 1) };

        new RepositoryDispatch("e") { ClientPayload = atLimit }.Validate().Should().ContainSingle();
        new RepositoryDispatch("e") { ClientPayload = below }.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Tree_changes_send_sha_content_or_an_explicit_null_sha_for_deletions()
    {
        var body = new Pipeline.GitHub.Git.TreeCreateBody("base", [TreeChange.Blob("a", "1111"), TreeChange.Text("b", "hi"), TreeChange.Delete("c")]);

        var json = Encoding.UTF8.GetString(GitHubConnection.Serialize(body, GitHubJsonContext.Default.TreeCreateBody));

        json.Should().Be(
            """{"base_tree":"base","tree":[{"path":"a","mode":"100644","type":"blob","sha":"1111"},{"path":"b","mode":"100644","type":"blob","content":"hi"},{"path":"c","mode":"100644","type":"blob","sha":null}]}""");
    }
}
