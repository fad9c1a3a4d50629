using Pipeline.Benchmarks.GitHub;
using Pipeline.GitHub;
using Pipeline.Promotion;
using Pipeline.Rehearsal.GitHub;

namespace Pipeline.Benchmarks.Tests.GitHub;

/// <summary>The GitHub suite drives the real promoter against the local server and counts what the server logged.</summary>
public sealed class PromotionScenarioTests : IAsyncLifetime
{
    private LocalGitHubServer _server = null!;
    private DirectoryInfo _source = null!;
    private PromotionScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalGitHubServer.StartAsync();
        _source = Directory.CreateTempSubdirectory("bench-test-source-");
        var commit = await SourceClone.CreateAsync(_source.FullName, CancellationToken.None);
        _scenario = new PromotionScenario(_server, new Secret(_server.IssuePersonalToken("bench")), _source.FullName, commit);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _source.Delete(recursive: true);
    }

    [Theory]
    [InlineData(WriteMethod.GraphQL, 1, 3, "Branch")]
    [InlineData(WriteMethod.GraphQL, 1, 3, "Given")]
    [InlineData(WriteMethod.GraphQL, 1, 3, "AfterDryRun")]
    [InlineData(WriteMethod.GitData, 2, 2, "Branch")]
    [InlineData(WriteMethod.Git, 1, 2, "Branch")]
    public async Task Counts_every_request_the_server_logged_for_a_promotion_that_committed_each_environment(WriteMethod writer, int environments, int files, string spec)
    {
        var before = _server.RequestLog.Count;

        var run = await _scenario.RunAsync(writer, environments, files, Enum.Parse<SpecSource>(spec), CancellationToken.None);

        run.Requests.Should().Be(_server.RequestLog.Count - before - (run.DryRunRequests ?? 0)).And.BePositive();
        run.DryRunRequests.HasValue.Should().Be(spec == "AfterDryRun");
        run.RequestLines.Should().HaveCount(run.Requests).And.OnlyContain(l => !l.Contains("/bench/", StringComparison.Ordinal));
        run.Elapsed.Should().BePositive();
    }

    [Theory]
    [InlineData("Branch", 3)]
    [InlineData("Given", 2)]
    [InlineData("AfterDryRun", 2)]
    public async Task A_graphql_promotion_takes_one_query_and_one_mutation_besides_the_spec_read(string spec, int expected)
    {
        var run = await _scenario.RunAsync(WriteMethod.GraphQL, 1, 10, Enum.Parse<SpecSource>(spec), CancellationToken.None);

        run.RequestLines.Should().HaveCount(expected).And.OnlyContain(l => l.StartsWith("POST /graphql ", StringComparison.Ordinal), string.Join("\n", run.RequestLines));
    }

    [Fact]
    public async Task A_promotion_the_writer_refuses_is_reported_not_counted()
    {
        var act = () => _scenario.RunAsync(WriteMethod.Contents, 1, 3, SpecSource.Branch, CancellationToken.None);

        await act.Should().ThrowAsync<PromotionException>().WithMessage("*one file*");
    }
}
