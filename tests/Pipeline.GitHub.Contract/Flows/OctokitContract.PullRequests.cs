using System.Net;
using Octokit;

namespace GitHubContract.Flows;

public abstract partial class OctokitContract
{
    [Fact]
    public async Task A_pull_request_opened_updated_read_and_merged()
    {
        var head = await User.Git.Reference.Get(S.Owner, S.Repo, "heads/" + S.DefaultBranch);
        await User.Git.Reference.Create(S.Owner, S.Repo, new NewReference("refs/heads/" + S.PullHead, head.Object.Sha));
        await User.Repository.Content.CreateFile(S.Owner, S.Repo, "file1.txt", new CreateFileRequest("Topic", "topic\n", S.PullHead));

        var opened = await User.PullRequest.Create(S.Owner, S.Repo, new NewPullRequest(S.PullTitle, S.PullHead, S.DefaultBranch)
        {
            Body = "Please pull these awesome changes in!",
        });
        var read = await User.PullRequest.Get(S.Owner, S.Repo, opened.Number);
        var updated = await User.PullRequest.Update(S.Owner, S.Repo, opened.Number, new PullRequestUpdate { Title = S.PullTitle, Body = "Updated" });
        var files = await User.PullRequest.Files(S.Owner, S.Repo, opened.Number);
        var merged = await User.PullRequest.Merge(S.Owner, S.Repo, opened.Number, new MergePullRequest { MergeMethod = PullRequestMergeMethod.Squash });

        opened.State.Value.Should().Be(ItemState.Open);
        opened.Head.Ref.Should().Be(S.PullHead);
        opened.Base.Ref.Should().Be(S.DefaultBranch);
        opened.Title.Should().Be(S.PullTitle);
        read.Number.Should().Be(opened.Number);
        read.HtmlUrl.Should().NotBeNullOrEmpty();
        updated.Title.Should().Be(S.PullTitle);
        files.Should().ContainSingle(f => f.FileName == "file1.txt");
        merged.Merged.Should().BeTrue();
        ShouldBeSha(merged.Sha);
    }

    [Fact]
    public async Task Statuses_and_check_runs_a_merge_gate_reads()
    {
        var sha = (await User.Git.Reference.Get(S.Owner, S.Repo, "heads/" + S.DefaultBranch)).Object.Sha;

        var status = await User.Repository.Status.Create(S.Owner, S.Repo, sha, new NewCommitStatus
        {
            State = CommitState.Success, Context = S.StatusContext, Description = "Build has completed successfully",
            TargetUrl = "https://ci.example.com/1000/output",
        });
        var combined = await User.Repository.Status.GetCombined(S.Owner, S.Repo, S.DefaultBranch);
        var statuses = await User.Repository.Status.GetAll(S.Owner, S.Repo, S.DefaultBranch);
        var bot = await InstallationClientAsync();
        var run = await bot.Check.Run.Create(S.Owner, S.Repo, new NewCheckRun(S.CheckName, sha)
        {
            Status = CheckStatus.Completed, Conclusion = CheckConclusion.Neutral,
        });
        var runs = await User.Check.Run.GetAllForReference(S.Owner, S.Repo, sha);

        status.State.Value.Should().Be(CommitState.Success);
        status.Context.Should().Be(S.StatusContext);
        combined.State.Value.Should().Be(CommitState.Success);
        combined.Statuses.Should().Contain(s => s.Context == S.StatusContext);
        statuses.Should().Contain(s => s.Context == S.StatusContext && s.State.Value == CommitState.Success);
        run.Name.Should().Be(S.CheckName);
        run.Conclusion!.Value.Value.Should().Be(CheckConclusion.Neutral);
        runs.CheckRuns.Should().Contain(r => r.Name == S.CheckName && r.Status.Value == CheckStatus.Completed);
    }

    [Fact]
    public async Task An_App_finds_its_installation_and_mints_a_token_that_works()
    {
        var installation = await target.App.GitHubApps.GetRepositoryInstallationForCurrent(S.Owner, S.Repo);
        var token = await target.App.GitHubApps.CreateInstallationToken(installation.Id);
        var repository = await target.WithToken(token.Token).Repository.Get(S.Owner, S.Repo);

        installation.Id.Should().BePositive();
        token.Token.Should().NotBeNullOrEmpty();
        repository.FullName.Should().Be($"{S.Owner}/{S.Repo}");
    }

    [Fact]
    public async Task A_repository_dispatch_through_Octokits_connection()
    {
        // Octokit 14 has no client for repository_dispatch; its users post through the connection.
        var status = await User.Connection.Post(new Uri($"repos/{S.Owner}/{S.Repo}/dispatches", UriKind.Relative),
            new { event_type = "promote", client_payload = new { image = "ghcr.io/org/app:1.0" } }, "application/vnd.github+json");

        status.Should().Be(HttpStatusCode.NoContent);
    }

    private async Task<IGitHubClient> InstallationClientAsync()
    {
        var installation = await target.App.GitHubApps.GetRepositoryInstallationForCurrent(S.Owner, S.Repo);
        return target.WithToken((await target.App.GitHubApps.CreateInstallationToken(installation.Id)).Token);
    }
}
