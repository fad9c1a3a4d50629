using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub;

public sealed class DispatchTests
{
    [Fact]
    public async Task Repository_dispatch_is_recorded_with_its_payload_and_sender()
    {
        await using var f = await GitHubFixture.StartAsync();

        var response = await f.Api.PostAsync(GitHubFixture.Prefix + "/dispatches",
            new { event_type = "image-promoted", client_payload = new { environment = "prod", digest = "sha256:abc" } });

        response.Status.Should().Be(204);
        var dispatch = f.Server.DispatchEvents.Should().ContainSingle().Subject;
        dispatch.EventType.Should().Be("image-promoted");
        dispatch.Repository.Should().Be("gitops");
        dispatch.Sender.Should().Be("octocat");
        dispatch.ClientPayload!.Value.GetProperty("digest").GetString().Should().Be("sha256:abc");
    }

    [Fact]
    public async Task Dispatch_with_a_long_event_type_or_too_many_payload_keys_is_422_and_not_recorded()
    {
        await using var f = await GitHubFixture.StartAsync();
        var payload = Enumerable.Range(0, 11).ToDictionary(i => "k" + i, i => i);

        var longName = await f.Api.PostAsync(GitHubFixture.Prefix + "/dispatches", new { event_type = new string('e', 101) });
        var manyKeys = await f.Api.PostAsync(GitHubFixture.Prefix + "/dispatches", new { event_type = "x", client_payload = payload });
        var noName = await f.Api.PostAsync(GitHubFixture.Prefix + "/dispatches", new { client_payload = new { } });

        new[] { longName.Status, manyKeys.Status, noName.Status }.Should().OnlyContain(s => s == 422);
        manyKeys.Message.Should().Contain("No more than 10 properties are allowed; 11 were supplied.");
        f.Server.DispatchEvents.Should().BeEmpty();
    }
}
