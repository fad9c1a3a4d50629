using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub;

public sealed class SmartHttpTests
{
    [Fact]
    public async Task Push_over_smart_http_is_visible_through_the_API()
    {
        await using var f = await GitHubFixture.StartAsync();
        using var work = new TempDirectory();
        await GitProcess.RunAsync(work.Path, [.. GitProcess.AuthArguments(f.Token), "clone", "-q", f.Server.GitUrl("acme", "gitops").ToString(), "w"]);
        var clone = Path.Combine(work.Path, "w");
        await File.WriteAllTextAsync(Path.Combine(clone, "env/dev/values.yaml"), "image:\n  tag: pushed\n");
        await GitProcess.RunAsync(clone, "commit", "-qam", "Pin pushed");
        await GitProcess.RunAsync(clone, "checkout", "-qb", "topic");

        await GitProcess.RunAsync(clone, [.. GitProcess.AuthArguments(f.Token), "push", "-q", "origin", "main", "topic"]);

        var local = await GitProcess.RunAsync(clone, "rev-parse", "HEAD");
        (await f.HeadAsync()).Should().Be(local);
        (await f.HeadAsync("topic")).Should().Be(local);
        var file = await f.Api.GetAsync(GitHubFixture.Prefix + "/contents/env/dev/values.yaml");
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(file["content"].Replace("\n", "", StringComparison.Ordinal)))
            .Should().Be("image:\n  tag: pushed\n");
    }

    [Fact]
    public async Task Clone_sees_commits_written_through_the_API_and_bearer_headers_work_too()
    {
        await using var f = await GitHubFixture.StartAsync();
        var commit = await Branches.CommitFileAsync(f, "main", "notes.txt", "from the API\n");
        using var work = new TempDirectory();

        await GitProcess.RunAsync(work.Path, "-c", "http.extraHeader=Authorization: Bearer " + f.Token, "clone", "-q",
            f.Server.GitUrl("acme", "gitops").ToString(), "w");

        var clone = Path.Combine(work.Path, "w");
        (await GitProcess.RunAsync(clone, "rev-parse", "HEAD")).Should().Be(commit);
        (await File.ReadAllTextAsync(Path.Combine(clone, "notes.txt"))).Should().Be("from the API\n");
    }

    [Fact]
    public async Task Clone_without_credentials_or_with_a_bad_token_fails()
    {
        await using var f = await GitHubFixture.StartAsync();
        using var work = new TempDirectory();
        var url = f.Server.GitUrl("acme", "gitops").ToString();

        var anonymous = await GitProcess.TryRunAsync(work.Path, "clone", "-q", url, "a");
        var bad = await GitProcess.TryRunAsync(work.Path, [.. GitProcess.AuthArguments("ghp_wrong"), "clone", "-q", url, "b"]);

        anonymous.ExitCode.Should().NotBe(0);
        bad.ExitCode.Should().NotBe(0);
        bad.Error.Should().NotContain("ghp_wrong");
    }

    [Fact]
    public async Task Token_with_read_only_contents_can_clone_but_not_push()
    {
        await using var f = await GitHubFixture.StartAsync();
        var reader = f.Server.IssuePersonalToken("reader", new Pipeline.Rehearsal.GitHub.PersonalTokenOptions
        {
            FineGrained = true,
            Permissions = new Dictionary<string, string> { ["contents"] = "read" },
        });
        using var work = new TempDirectory();
        await GitProcess.RunAsync(work.Path, [.. GitProcess.AuthArguments(reader), "clone", "-q", f.Server.GitUrl("acme", "gitops").ToString(), "w"]);
        var clone = Path.Combine(work.Path, "w");
        await GitProcess.RunAsync(clone, "commit", "-q", "--allow-empty", "-m", "Empty");

        var push = await GitProcess.TryRunAsync(clone, [.. GitProcess.AuthArguments(reader), "push", "origin", "main"]);

        push.ExitCode.Should().NotBe(0);
        push.Error.Should().Contain("403");
    }
}
