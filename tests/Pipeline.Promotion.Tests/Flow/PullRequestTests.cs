using Pipeline.GitHub;
using Pipeline.Promotion.Tests.Support;
using Pipeline.Rehearsal.GitHub;

namespace Pipeline.Promotion.Tests.Flow;

public sealed class PullRequestTests(GitOpsServer github) : IClassFixture<GitOpsServer>
{
    private const string Values = "# prod\nimage:\n  tag: \"1.0.0\"\nreplicas: 2\n";
    private const string PullRequestMode = "    mode: pull-request\n    labels: [promotion, prod]\n    title: 'Deploy {tag} to {environment}'";
    private readonly Promotions _promotions = new(github);

    [Fact]
    public async Task Opens_one_pull_request_from_the_base_with_labels_title_and_a_table()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        var main = await github.HeadAsync(repository);

        var result = (await Promote(repository, "1.1.0")).Results.Single();

        result.Status.Should().Be(PromotionStatus.PullRequestOpened);
        result.PullRequestBranch.Should().Be("promote/app/prod");
        (await github.HeadAsync(repository)).Should().Be(main);
        (await github.GitAsync(repository, "rev-parse", "promote/app/prod^")).Should().Be(main);
        (await github.HeadAsync(repository, "promote/app/prod")).Should().Be(result.CommitSha);
        using var client = github.Client();
        var pull = await client.PullRequests.GetAsync(repository, result.PullRequestNumber!.Value);
        pull.HtmlUrl.Should().Be(result.PullRequestUrl);
        pull.Title.Should().Be("Deploy 1.1.0 to prod");
        pull.Base.Ref.Should().Be("main");
        pull.Labels.Select(l => l.Name).Should().BeEquivalentTo("promotion", "prod");
        pull.Body.Should().Contain("| Source commit | `1111111111111111111111111111111111111111` |")
            .And.Contain("| `values.yaml` | `image.tag` | `1.0.0` | `1.1.0` |")
            .And.Contain("<!-- pipeline-promotion app=app environment=prod -->");
    }

    [Fact]
    public async Task A_newer_pin_updates_the_live_pull_request_on_the_same_branch()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        var first = (await Promote(repository, "1.1.0")).Results.Single();

        var second = (await Promote(repository, "1.2.0")).Results.Single();

        second.Status.Should().Be(PromotionStatus.PullRequestUpdated);
        second.PullRequestNumber.Should().Be(first.PullRequestNumber);
        (await github.GitAsync(repository, "rev-parse", "promote/app/prod^")).Should().Be(first.CommitSha);
        (await github.ShowTextAsync(repository, "promote/app/prod", "values.yaml")).Should().Be(Values.Replace("1.0.0", "1.2.0", StringComparison.Ordinal));
        using var client = github.Client();
        var pull = await client.PullRequests.GetAsync(repository, second.PullRequestNumber!.Value);
        pull.Title.Should().Be("Deploy 1.2.0 to prod");
        pull.Body.Should().Contain("`1.0.0` | `1.2.0`");
        pull.IsOpen.Should().BeTrue();
    }

    [Fact]
    public async Task The_same_pin_again_leaves_the_pull_request_untouched()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        var first = (await Promote(repository, "1.1.0")).Results.Single();
        var requests = github.Server.RequestLog.Count;

        var again = (await Promote(repository, "1.1.0")).Results.Single();

        again.Status.Should().Be(PromotionStatus.AlreadyPromoted);
        again.PullRequestNumber.Should().Be(first.PullRequestNumber);
        again.Reason.Should().Contain($"#{first.PullRequestNumber} already proposes");
        (await github.HeadAsync(repository, "promote/app/prod")).Should().Be(first.CommitSha);
        github.Server.RequestLog.Skip(requests).Should().OnlyContain(r => r.Method == "GET" || r.Path.EndsWith("/graphql", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pull_request_behind_the_base_is_superseded_closed_and_given_a_comment_linking_its_replacement()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        var old = (await Promote(repository, "1.1.0")).Results.Single();
        using var client = github.Client();
        var oldBody = (await client.PullRequests.GetAsync(repository, old.PullRequestNumber!.Value)).Body;
        var moved = await github.CompetingCommitAsync(repository, "values.yaml", t => t.Replace("replicas: 2", "replicas: 3", StringComparison.Ordinal));

        var replacement = (await Promote(repository, "1.2.0")).Results.Single();

        replacement.Status.Should().Be(PromotionStatus.PullRequestOpened);
        replacement.SupersededPullRequestUrl.Should().Be(old.PullRequestUrl);
        replacement.PullRequestNumber.Should().NotBe(old.PullRequestNumber);
        (await github.GitAsync(repository, "rev-parse", "promote/app/prod^")).Should().Be(moved);
        (await github.ShowTextAsync(repository, "promote/app/prod", "values.yaml")).Should().Be("# prod\nimage:\n  tag: \"1.2.0\"\nreplicas: 3\n");
        replacement.Steps.Should().Contain($"comment on pull request #{old.PullRequestNumber} with a link to the new one");
        replacement.Notes.Should().NotContain(n => n.Contains("comment", StringComparison.Ordinal));
        var closed = await client.PullRequests.GetAsync(repository, old.PullRequestNumber!.Value);
        closed.IsOpen.Should().BeFalse();
        closed.Merged.Should().NotBe(true);
        closed.Body.Should().Be(oldBody, "the link goes in a comment, not in the description");
        var comment = (await client.PullRequests.ListCommentsAsync(repository, old.PullRequestNumber!.Value)).Should().ContainSingle().Which;
        comment.Body.Should().StartWith($"Superseded by #{replacement.PullRequestNumber} ({replacement.PullRequestUrl}): main moved on");
        comment.User!.Login.Should().Be(GitOpsServer.User);
        (await client.PullRequests.GetAsync(repository, replacement.PullRequestNumber!.Value)).Body.Should().Contain($"Supersedes #{old.PullRequestNumber}");
        (await client.PullRequests.ListCommentsAsync(repository, replacement.PullRequestNumber!.Value)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_refused_comment_on_the_superseded_pull_request_is_noted_and_the_new_one_stands()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        var old = (await Promote(repository, "1.1.0")).Results.Single();
        await github.CompetingCommitAsync(repository, "values.yaml", t => t.Replace("replicas: 2", "replicas: 3", StringComparison.Ordinal));
        github.Server.Faults.FailNext("POST", $"/repos/{repository}/issues/{old.PullRequestNumber}/comments", 502);

        var replacement = (await Promote(repository, "1.2.0")).Results.Single();

        replacement.Status.Should().Be(PromotionStatus.PullRequestOpened);
        replacement.Notes.Should().ContainSingle(n => n.StartsWith($"Pull request #{old.PullRequestNumber} was closed, but the comment linking #{replacement.PullRequestNumber} was refused", StringComparison.Ordinal));
        using var client = github.Client();
        (await client.PullRequests.GetAsync(repository, old.PullRequestNumber!.Value)).IsOpen.Should().BeFalse();
        (await client.PullRequests.GetAsync(repository, replacement.PullRequestNumber!.Value)).IsOpen.Should().BeTrue();
    }

    [Fact]
    public async Task Immediate_merge_lands_the_pin_with_trailers_and_deletes_the_branch()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });

        var result = (await Promote(repository, "1.1.0", "    merge: immediate")).Results.Single();

        result.Status.Should().Be(PromotionStatus.PullRequestMerged);
        result.CommitSha.Should().Be(await github.HeadAsync(repository));
        (await github.ShowTextAsync(repository, "main", "values.yaml")).Should().Contain("1.1.0");
        (await github.GitAsync(repository, "branch", "--list", "promote/*")).Should().BeEmpty();
        var message = await github.GitAsync(repository, "log", "-1", "--format=%B", "main");
        message.Should().StartWith($"Promote app to prod: 1.1.0 (#{result.PullRequestNumber})").And.Contain("Environment: prod").And.Contain("Source-Commit: 1111111");
    }

    [Fact]
    public async Task Auto_merge_waits_for_required_checks_and_merges_when_they_pass_with_the_trailers()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        var main = await github.HeadAsync(repository);
        github.Server.ProtectBranch(repository.Owner, repository.Name, "main", new BranchProtection { RequiredChecks = ["ci/validate"] });

        var result = (await Promote(repository, "1.1.0", "    autoMerge: true")).Results.Single();

        result.Status.Should().Be(PromotionStatus.PullRequestOpened);
        result.Notes.Should().Contain(n => n.Contains("Auto-merge enabled"));
        (await github.ShowTextAsync(repository, "main", "values.yaml")).Should().Contain("1.0.0");
        await github.Server.SetCheckAsync(repository.Owner, repository.Name, result.CommitSha!, "ci/validate", CheckConclusion.Success);
        (await github.ShowTextAsync(repository, "main", "values.yaml")).Should().Contain("1.1.0");
        using var client = github.Client();
        (await client.PullRequests.GetAsync(repository, result.PullRequestNumber!.Value)).Merged.Should().BeTrue();
        var squash = await github.GitAsync(repository, "log", "-1", "--format=%P%n%B", "main");
        squash.Should().StartWith(main + "\n" + $"Promote app to prod: 1.1.0 (#{result.PullRequestNumber})\n\n", "auto-merge squashed with the promotion's own message")
            .And.Contain("Promoted-Image: ghcr.io/org/app:1.1.0@sha256:").And.Contain("Environment: prod").And.Contain("Source-Commit: 1111111111111111111111111111111111111111");
    }

    [Fact]
    public async Task A_pin_squashed_by_auto_merge_keeps_its_trailers_so_the_monotonic_guard_sees_it()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        var source = await github.RepositoryAsync(files: new Dictionary<string, string> { ["app.txt"] = "v1\n" }, name: repository.Name + "-source");
        var older = await github.HeadAsync(source);
        var newer = await github.CompetingCommitAsync(source, "app.txt", t => t + "v2\n");
        github.Server.ProtectBranch(repository.Owner, repository.Name, "main", new BranchProtection { RequiredChecks = ["ci/validate"] });
        using var client = github.Client();
        PromotionRequest FromSource(string tag, string commit) => Request(repository, tag, "    autoMerge: true") with
        {
            Source = new PromotionSource(source.ToString(), commit) { Branch = "main" },
            SourceHistory = new GitHubSourceHistory(client, source),
            AllowMovedSource = true,
            Rollback = false,
        };
        var pinned = (await _promotions.Promoter().PromoteAsync(FromSource("2.0.0", newer))).Results.Single();
        await github.Server.SetCheckAsync(repository.Owner, repository.Name, pinned.CommitSha!, "ci/validate", CheckConclusion.Success);
        (await github.ShowTextAsync(repository, "main", "values.yaml")).Should().Contain("2.0.0");
        var before = github.Server.RequestLog.Count;

        var act = () => _promotions.Promoter().PromoteAsync(FromSource("1.9.0", older));

        (await act.Should().ThrowAsync<NewerPinException>()).Which.PinnedCommit.Should().Be(newer);
        github.Server.RequestLog.Skip(before).Count(r => r.Path.EndsWith($"/repos/{repository}/commits", StringComparison.Ordinal)).Should().Be(1);
        github.Server.RequestLog.Skip(before).Should().NotContain(r => r.Path.Contains($"/repos/{repository}/git/commits/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Auto_merge_of_a_pull_request_that_can_merge_now_merges_it_and_deletes_the_branch()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });

        var result = (await Promote(repository, "1.1.0", "    autoMerge: true")).Results.Single();

        result.Status.Should().Be(PromotionStatus.PullRequestMerged);
        result.Notes.Should().Contain(n => n.Contains("could merge at once"));
        (await github.ShowTextAsync(repository, "main", "values.yaml")).Should().Contain("1.1.0");
        (await github.GitAsync(repository, "branch", "--list", "promote/*")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_protected_branch_refusal_falls_back_to_a_pull_request_when_the_spec_allows()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        github.Server.ProtectBranch(repository.Owner, repository.Name, "main");
        var request = _promotions.Request(repository, Promotions.SimpleSpec(), Images.Pinned("ghcr.io/org/app", "1.1.0"));

        var refused = () => _promotions.Promoter().PromoteAsync(request);
        (await refused.Should().ThrowAsync<ProtectedBranchException>()).WithMessage("*fallbackToPullRequest*");

        var result = (await _promotions.Promoter().PromoteAsync(request with { Spec = Promotions.SimpleSpec("    fallbackToPullRequest: true") })).Results.Single();
        result.Status.Should().Be(PromotionStatus.PullRequestOpened);
        result.Notes.Should().ContainSingle(n => n.Contains("opened a pull request instead"));
    }

    [Fact]
    public async Task A_pull_request_dry_run_lists_the_steps_and_creates_nothing()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });

        var result = (await _promotions.Promoter().PromoteAsync(Request(repository, "1.1.0", "    merge: immediate") with { DryRun = true })).Results.Single();

        result.Status.Should().Be(PromotionStatus.DryRun);
        result.Steps.Should().Contain(s => s.StartsWith("create branch promote/app/prod at", StringComparison.Ordinal))
            .And.Contain(s => s.StartsWith("open a pull request promote/app/prod -> main labelled promotion, prod", StringComparison.Ordinal))
            .And.Contain(s => s.StartsWith("merge the pull request (squash), then delete promote/app/prod", StringComparison.Ordinal));
        (await github.GitAsync(repository, "branch", "--list", "promote/*")).Should().BeEmpty();
    }

    private Task<PromotionReport> Promote(RepositoryId repository, string tag, string extra = "") =>
        _promotions.Promoter().PromoteAsync(Request(repository, tag, extra));

    private PromotionRequest Request(RepositoryId repository, string tag, string extra = "") =>
        _promotions.Request(repository, Promotions.SimpleSpec(PullRequestMode + (extra.Length > 0 ? "\n" + extra : "")), Images.Pinned("ghcr.io/org/app", tag));
}
