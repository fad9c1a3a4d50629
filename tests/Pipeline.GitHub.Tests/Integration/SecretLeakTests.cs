using Pipeline.GitHub.Tests.Support;

namespace Pipeline.GitHub.Tests.Integration;

public sealed class SecretLeakTests(ServerFixture github) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Token_appears_in_no_log_line_and_no_exception_across_successes_retries_and_failures()
    {
        var repository = await github.NewRepositoryAsync(new Dictionary<string, string> { ["v.yaml"] = "a\n" });
        var logger = new ListLogger();
        var bogus = new Secret("ghp_bogusTokenThatMustNeverPrint0001");
        using var client = github.Client(logger);
        using var unauthorised = github.Client(logger, credentials: GitHubToken.PersonalAccessToken(bogus));
        github.Server.Faults.FailNext("GET", $"/repos/{repository}", 502);
        var errors = new List<Exception>();

        var file = await client.Contents.GetFileAsync(repository, "v.yaml");
        await client.Repositories.GetAsync(repository);
        await Capture(errors, () => client.Contents.PutFileAsync(repository, FileWrite.Text("v.yaml", "b\n", "m") with { Sha = "0000000000000000000000000000000000000000" }));
        await Capture(errors, () => client.Repositories.GetAsync(new RepositoryId("nobody", "nothing")));
        await Capture(errors, () => unauthorised.Repositories.GetAsync(repository));
        await Capture(errors, () => client.Git.UpdateRefAsync(repository, "heads/main", "1111111111111111111111111111111111111111"));

        file.Text.Should().Be("a\n");
        errors.Should().HaveCount(4);
        logger.Lines.Should().NotBeEmpty();
        var everything = logger.Lines.Concat(errors.Select(e => e.ToString())).ToList();
        everything.Should().NotContain(line => github.UserToken.IsContainedIn(line) || bogus.IsContainedIn(line));
    }

    private static async Task Capture(List<Exception> errors, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (GitHubException e)
        {
            errors.Add(e);
        }
    }
}
