using Pipeline.GitHub;
using Pipeline.Promotion.Tests.Support;

namespace Pipeline.Promotion.Tests.Adversarial;

/// <summary>What GitHub answers badly, through a whole promotion against the local GitHub server with faults planned.</summary>
public sealed class FaultTests(GitOpsServer github) : IClassFixture<GitOpsServer>
{
    private const string Values = "image:\n  tag: \"1.0.0\"\n";
    private const string PullRequestMode = "    mode: pull-request";
    private readonly Promotions _promotions = new(github);

    [Fact]
    public async Task A_429_with_Retry_After_2_during_a_promotion_waits_at_least_2_s_then_lands()
    {
        var repository = await RepositoryAsync();
        var clock = new RecordingClock();
        github.Server.Faults.RateLimitNext("POST", "/graphql", TimeSpan.FromSeconds(2));

        var result = (await Promoter(clock).PromoteAsync(Request(repository))).Results.Single();

        result.Status.Should().Be(PromotionStatus.Committed);
        clock.Delays.Should().ContainSingle().Which.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
        github.Server.Faults.Pending.Should().Be(0);
    }

    [Fact]
    public async Task A_502_on_a_read_is_retried_and_the_promotion_lands()
    {
        var repository = await RepositoryAsync();
        var clock = new RecordingClock();
        // Git Data reads the files and the guard's history in one GraphQL query, its only POST to /graphql: the write goes through REST.
        github.Server.Faults.FailNext("POST", "/graphql", 502);
        var before = github.Server.RequestLog.Count;

        var result = (await Promoter(clock).PromoteAsync(Request(repository) with { WriteMethod = WriteMethod.GitData })).Results.Single();

        result.Status.Should().Be(PromotionStatus.Committed);
        github.Server.Faults.Pending.Should().Be(0);
        var first = github.Server.RequestLog.Skip(before).First(r => r.Path == "/graphql");
        first.Status.Should().Be(502);
        github.Server.RequestLog.Skip(before).Count(r => r.Method == "POST" && r.Path == first.Path && r.Status == 200).Should().BeGreaterThan(0, "the same read was sent again");
        clock.Delays.Should().ContainSingle();
    }

    [Fact]
    public async Task A_502_on_a_pull_request_create_is_not_blindly_repeated_and_the_branch_it_created_is_deleted()
    {
        var repository = await RepositoryAsync();
        var head = await github.HeadAsync(repository);
        github.Server.Faults.FailNext("POST", $"/repos/{repository}/pulls", 502);
        var before = github.Server.RequestLog.Count;

        var act = () => Promoter(new RecordingClock()).PromoteAsync(Request(repository, PullRequestMode));

        (await act.Should().ThrowAsync<GitHubServerException>()).Which.Message.Should().Contain("not retried");
        github.Server.RequestLog.Skip(before).Count(r => r.Method == "POST" && r.Path == $"/repos/{repository}/pulls").Should().Be(1);
        (await github.GitAsync(repository, "branch", "--list", "promote/*")).Should().BeEmpty();
        (await github.HeadAsync(repository)).Should().Be(head);
    }

    [Fact]
    public async Task A_failed_pull_request_promotion_deletes_the_branch_it_created_and_leaves_no_pull_request()
    {
        var repository = await RepositoryAsync();
        github.Server.Faults.FailNext("POST", $"/repos/{repository}/pulls", 422, message: "Validation Failed");

        var act = () => _promotions.Promoter().PromoteAsync(Request(repository, PullRequestMode));

        await act.Should().ThrowAsync<GitHubValidationException>();
        (await github.GitAsync(repository, "branch", "--list", "promote/*")).Should().BeEmpty();
        using var client = github.Client();
        (await client.PullRequests.FindByHeadAsync(repository, "promote/app/prod")).Should().BeNull();
    }

    [Fact]
    public async Task A_protected_branch_refuses_the_commit_with_a_clear_error_that_is_not_retried()
    {
        var repository = await RepositoryAsync();
        github.Server.ProtectBranch(repository.Owner, repository.Name, "main");
        var head = await github.HeadAsync(repository);
        var before = github.Server.RequestLog.Count;

        var act = () => _promotions.Promoter().PromoteAsync(Request(repository) with { WriteMethod = WriteMethod.GitData });

        (await act.Should().ThrowAsync<ProtectedBranchException>()).Which.Message.Should().Contain("main").And.Contain("fallbackToPullRequest");
        github.Server.RequestLog.Skip(before).Count(r => r.Method == "PATCH" && r.Path == $"/repos/{repository}/git/refs/heads/main").Should().Be(1);
        _promotions.Delays.Should().BeEmpty("a protection refusal is not a conflict to retry");
        (await github.HeadAsync(repository)).Should().Be(head);
    }

    [Fact]
    public async Task A_protected_branch_with_fallbackToPullRequest_gets_a_pull_request_instead_of_the_commit()
    {
        var repository = await RepositoryAsync();
        github.Server.ProtectBranch(repository.Owner, repository.Name, "main");
        var head = await github.HeadAsync(repository);

        var result = (await _promotions.Promoter().PromoteAsync(Request(repository, "    fallbackToPullRequest: true"))).Results.Single();

        result.Status.Should().Be(PromotionStatus.PullRequestOpened);
        (await github.HeadAsync(repository)).Should().Be(head);
        (await github.ShowTextAsync(repository, result.PullRequestBranch!, "values.yaml")).Should().Contain("1.1.0");
    }

    private Task<RepositoryId> RepositoryAsync() => github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });

    private PromotionRequest Request(RepositoryId repository, string extra = "") =>
        _promotions.Request(repository, Promotions.SimpleSpec(extra), Images.Pinned("ghcr.io/org/app", "1.1.0"));

    private static Promoter Promoter(RecordingClock clock) => new(new PromoterOptions { ConfigureGitHub = o => o with { TimeProvider = clock } });
}
