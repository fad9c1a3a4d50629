using Pipeline.GitHub.Tests.Support;
using Pipeline.Rehearsal.GitHub;

namespace Pipeline.GitHub.Tests.Integration;

public sealed class PullRequestsTests(ServerFixture github) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Pull_request_is_found_by_head_updated_labelled_squash_merged_and_its_branch_deleted()
    {
        var (repository, client) = await RepositoryWithBranchAsync("promote/prod", "values.yaml", "tag: 2\n");
        using var _ = client;

        var opened = await client.PullRequests.CreateAsync(repository, new NewPullRequest("Promote app 2 to prod", "promote/prod", "main") { Body = "digest sha256:1" });
        var found = await client.PullRequests.FindByHeadAsync(repository, "promote/prod");
        var updated = await client.PullRequests.UpdateAsync(repository, opened.Number, new PullRequestUpdate { Title = "Promote app 2 to prod (retry)" });
        var labels = await client.PullRequests.AddLabelsAsync(repository, opened.Number, ["promotion", "prod"]);
        await client.PullRequests.RemoveLabelAsync(repository, opened.Number, "prod");
        var merged = await client.PullRequests.MergeAsync(repository, opened.Number, new MergeRequest(MergeMethod.Squash) { ExpectedHeadSha = opened.Head.Sha });
        await client.PullRequests.DeleteBranchAsync(repository, "promote/prod");

        found!.Number.Should().Be(opened.Number);
        found.NodeId.Should().NotBeNullOrEmpty();
        updated.Title.Should().Be("Promote app 2 to prod (retry)");
        labels.Select(l => l.Name).Should().BeEquivalentTo("promotion", "prod");
        (await client.PullRequests.GetAsync(repository, opened.Number)).Labels.Select(l => l.Name).Should().Equal("promotion");
        merged.Merged.Should().BeTrue();
        (await github.GitAsync(repository, "rev-parse", "main")).Should().Be(merged.Sha);
        (await github.GitAsync(repository, "rev-list", "--parents", "-1", "main")).Split(' ').Should().HaveCount(2, "a squash commit has one parent");
        (await github.GitAsync(repository, "show", "main:values.yaml")).Should().Be("tag: 2");
        (await github.GitAsync(repository, "for-each-ref", "--format=%(refname)", "refs/heads/")).Should().Be("refs/heads/main");
        (await client.PullRequests.FindByHeadAsync(repository, "promote/prod")).Should().BeNull();
    }

    [Fact]
    public async Task Comments_are_added_to_the_conversation_and_listed_oldest_first()
    {
        var (repository, client) = await RepositoryWithBranchAsync("promote/prod", "values.yaml", "tag: 2\n");
        using var _ = client;
        var superseded = await client.PullRequests.CreateAsync(repository, new NewPullRequest("Promote 2", "promote/prod", "main"));

        var first = await client.PullRequests.CreateCommentAsync(repository, superseded.Number, "Superseded by #2.");
        var second = await client.PullRequests.CreateCommentAsync(repository, superseded.Number, "Closed: main moved on.");
        var listed = await client.PullRequests.ListCommentsAsync(repository, superseded.Number);

        first.Body.Should().Be("Superseded by #2.");
        first.User!.Login.Should().Be(ServerFixture.User);
        first.HtmlUrl.Should().EndWith($"/pull/{superseded.Number}#issuecomment-{first.Id}");
        listed.Select(c => c.Id).Should().Equal(first.Id, second.Id);
        listed[1].Body.Should().Be("Closed: main moved on.");
        var blank = () => client.PullRequests.CreateCommentAsync(repository, superseded.Number, " ");
        await blank.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task A_comment_lost_to_a_server_error_is_not_posted_twice()
    {
        var (repository, client) = await RepositoryWithBranchAsync("topic", "a.txt", "a\n");
        using var _ = client;
        var opened = await client.PullRequests.CreateAsync(repository, new NewPullRequest("t", "topic", "main"));
        github.Server.Faults.FailNext("POST", $"/repos/{repository}/issues/{opened.Number}/comments", 502);

        var act = () => client.PullRequests.CreateCommentAsync(repository, opened.Number, "Superseded by #2.");

        await act.Should().ThrowAsync<GitHubServerException>();
        github.RequestsFor(repository).Count(r => r.Method == "POST" && r.Path.EndsWith("/comments", StringComparison.Ordinal)).Should().Be(1);
        (await client.PullRequests.ListCommentsAsync(repository, opened.Number)).Should().BeEmpty();
    }

    [Fact]
    public async Task Merge_method_merge_makes_a_merge_commit_with_two_parents()
    {
        var (repository, client) = await RepositoryWithBranchAsync("topic", "a.txt", "a\n");
        using var _ = client;
        var opened = await client.PullRequests.CreateAsync(repository, new NewPullRequest("t", "topic", "main"));

        var merged = await client.PullRequests.MergeAsync(repository, opened.Number, new MergeRequest(MergeMethod.Merge));

        (await github.GitAsync(repository, "rev-list", "--parents", "-1", merged.Sha)).Split(' ').Should().HaveCount(3);
    }

    [Fact]
    public async Task Merge_for_a_head_that_moved_is_a_conflict()
    {
        var (repository, client) = await RepositoryWithBranchAsync("topic", "a.txt", "a\n");
        using var _ = client;
        var opened = await client.PullRequests.CreateAsync(repository, new NewPullRequest("t", "topic", "main"));
        await client.Contents.PutFileAsync(repository, FileWrite.Text("b.txt", "b\n", "more") with { Branch = "topic" });

        var act = () => client.PullRequests.MergeAsync(repository, opened.Number, new MergeRequest(MergeMethod.Squash) { ExpectedHeadSha = opened.Head.Sha });

        (await act.Should().ThrowAsync<GitHubConflictException>()).Which.Message.Should().Contain("Head branch was modified");
    }

    [Fact]
    public async Task Merge_waiting_for_a_required_check_is_not_mergeable_until_the_check_passes()
    {
        var (repository, client) = await RepositoryWithBranchAsync("topic", "a.txt", "a\n");
        using var _ = client;
        github.Server.ProtectBranch(repository.Owner, repository.Name, "main", new BranchProtection { RequiredChecks = ["ci/test"] });
        var opened = await client.PullRequests.CreateAsync(repository, new NewPullRequest("t", "topic", "main"));

        var blocked = () => client.PullRequests.MergeAsync(repository, opened.Number, new MergeRequest(MergeMethod.Squash));
        (await blocked.Should().ThrowAsync<GitHubNotMergeableException>()).Which.Message.Should().Contain("auto-merge");
        await github.Server.SetCheckAsync(repository.Owner, repository.Name, opened.Head.Sha, "ci/test", CheckConclusion.Success);
        var merged = await client.PullRequests.MergeAsync(repository, opened.Number, new MergeRequest(MergeMethod.Squash));

        merged.Merged.Should().BeTrue();
    }

    [Fact]
    public async Task Closed_pull_request_is_no_longer_found_by_head()
    {
        var (repository, client) = await RepositoryWithBranchAsync("topic", "a.txt", "a\n");
        using var _ = client;
        var opened = await client.PullRequests.CreateAsync(repository, new NewPullRequest("t", "topic", "main"));

        var closed = await client.PullRequests.CloseAsync(repository, opened.Number);

        closed.IsOpen.Should().BeFalse();
        (await client.PullRequests.FindByHeadAsync(repository, "topic")).Should().BeNull();
    }

    [Fact]
    public async Task Pull_request_without_changes_is_refused_with_githubs_errors()
    {
        var repository = await github.NewRepositoryAsync();
        using var client = github.Client();
        var head = (await client.Git.GetRefAsync(repository, "heads/main")).Object.Sha;
        await client.Git.CreateRefAsync(repository, "heads/empty", head);

        var act = () => client.PullRequests.CreateAsync(repository, new NewPullRequest("t", "empty", "main"));

        (await act.Should().ThrowAsync<GitHubValidationException>()).Which.Errors.Should().NotBeEmpty();
    }

    private async Task<(RepositoryId Repository, GitHubClient Client)> RepositoryWithBranchAsync(string branch, string path, string text)
    {
        var repository = await github.NewRepositoryAsync();
        var client = github.Client();
        var head = (await client.Git.GetRefAsync(repository, "heads/main")).Object.Sha;
        await client.Git.CreateRefAsync(repository, "heads/" + branch, head);
        await client.Contents.PutFileAsync(repository, FileWrite.Text(path, text, "Change " + path) with { Branch = branch });
        return (repository, client);
    }
}
