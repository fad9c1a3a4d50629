using System.Text.Json.Nodes;
using Pipeline.GitHub.Tests.Support;

namespace Pipeline.GitHub.Tests.Integration;

public sealed class DispatchesTests(ServerFixture github) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Dispatch_reaches_the_repository_with_its_payload()
    {
        var repository = await github.NewRepositoryAsync();
        using var client = github.Client();

        await client.Dispatches.SendAsync(repository, new RepositoryDispatch("promote")
        {
            ClientPayload = new JsonObject { ["image"] = "ghcr.io/org/app@sha256:abc", ["environment"] = "prod" },
        });

        var received = github.Server.DispatchEvents.Should().ContainSingle(e => e.Repository == repository.Name).Which;
        received.EventType.Should().Be("promote");
        received.ClientPayload!.Value.GetProperty("environment").GetString().Should().Be("prod");
    }

    [Fact]
    public async Task Dispatch_breaking_a_limit_is_refused_before_sending()
    {
        var repository = await github.NewRepositoryAsync();
        using var client = github.Client();
        var payload = new JsonObject();
        for (var i = 0; i < 11; i++)
        {
            payload["k" + i] = i;
        }

        var act = () => client.Dispatches.SendAsync(repository, new RepositoryDispatch("promote") { ClientPayload = payload });

        (await act.Should().ThrowAsync<GitHubRequestValidationException>()).Which.Problems.Should().ContainSingle().Which.Should().Contain("11 top-level properties");
        github.RequestsFor(repository).Should().NotContain(r => r.Path.EndsWith("/dispatches", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispatch_is_not_repeated_after_a_server_error_so_a_workflow_never_starts_twice()
    {
        var repository = await github.NewRepositoryAsync();
        using var client = github.Client();
        github.Server.Faults.FailNext("POST", $"/repos/{repository}/dispatches", 502);

        var act = () => client.Dispatches.SendAsync(repository, new RepositoryDispatch("promote"));

        await act.Should().ThrowAsync<GitHubServerException>();
        github.RequestsFor(repository).Count(r => r.Path.EndsWith("/dispatches", StringComparison.Ordinal)).Should().Be(1);
    }
}
