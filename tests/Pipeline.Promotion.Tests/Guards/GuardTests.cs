using Pipeline.GitHub;
using Pipeline.Promotion.Tests.Support;

namespace Pipeline.Promotion.Tests.Guards;

public sealed class GuardTests(GitOpsServer github) : IClassFixture<GitOpsServer>
{
    private const string Values = "image:\n  tag: \"1.0.0\"\n";
    private readonly Promotions _promotions = new(github);

    [Fact]
    public async Task Promotion_aborts_before_writing_when_the_source_branch_moved()
    {
        var (gitops, source, built, client) = await ArrangeAsync();
        using var _ = client;
        await github.CompetingCommitAsync(source, "src/app.txt", t => t + "more\n");
        var head = await github.HeadAsync(gitops);
        var request = Request(gitops, source, built, client, "1.1.0");

        var act = () => _promotions.Promoter().PromoteAsync(request);

        var moved = (await act.Should().ThrowAsync<SourceMovedException>()).Which;
        moved.BuiltCommit.Should().Be(built);
        moved.CurrentHead.Should().Be(await github.HeadAsync(source));
        moved.Message.Should().Contain("--allow-moved-source").And.Contain("nothing was written");
        (await github.HeadAsync(gitops)).Should().Be(head);
    }

    [Fact]
    public async Task Allow_moved_source_promotes_and_notes_it()
    {
        var (gitops, source, built, client) = await ArrangeAsync();
        using var _ = client;
        await github.CompetingCommitAsync(source, "src/app.txt", t => t + "more\n");

        var result = (await _promotions.Promoter().PromoteAsync(Request(gitops, source, built, client, "1.1.0") with { AllowMovedSource = true })).Results.Single();

        result.Status.Should().Be(PromotionStatus.Committed);
        result.Notes.Should().ContainSingle(n => n.Contains("--allow-moved-source"));
    }

    [Fact]
    public async Task A_pin_built_from_a_newer_source_commit_is_not_replaced_unless_rolling_back()
    {
        var (gitops, source, older, client) = await ArrangeAsync();
        using var _ = client;
        var newer = await github.CompetingCommitAsync(source, "src/app.txt", t => t + "v2\n");
        await _promotions.Promoter().PromoteAsync(Request(gitops, source, newer, client, "2.0.0"));
        var head = await github.HeadAsync(gitops);
        var stale = Request(gitops, source, older, client, "1.9.0") with { AllowMovedSource = true };
        var logged = github.Server.RequestLog.Count;

        var act = () => _promotions.Promoter().PromoteAsync(stale);

        var refused = (await act.Should().ThrowAsync<NewerPinException>()).Which;
        github.Server.RequestLog.Skip(logged).Should().NotContain(r => r.Path == $"/repos/{gitops}/commits", "the history the guard searched came in the query that read the files");
        refused.PinnedCommit.Should().Be(newer);
        refused.PromotedCommit.Should().Be(older);
        refused.PinnedImage.Should().Be(Images.Pinned("ghcr.io/org/app", "2.0.0").ToString());
        refused.Message.Should().Contain("--rollback");
        (await github.HeadAsync(gitops)).Should().Be(head);

        var rolledBack = (await _promotions.Promoter().PromoteAsync(stale with { Rollback = true })).Results.Single();
        rolledBack.Status.Should().Be(PromotionStatus.Committed);
        rolledBack.Notes.Should().Contain(n => n.StartsWith("Rolled back", StringComparison.Ordinal));
        (await github.ShowTextAsync(gitops, "main", "values.yaml")).Should().Contain("1.9.0");
    }

    [Fact]
    public async Task A_newer_source_commit_replaces_an_older_pin()
    {
        var (gitops, source, older, client) = await ArrangeAsync();
        using var _ = client;
        await _promotions.Promoter().PromoteAsync(Request(gitops, source, older, client, "1.0.1"));
        var newer = await github.CompetingCommitAsync(source, "src/app.txt", t => t + "v2\n");

        var result = (await _promotions.Promoter().PromoteAsync(Request(gitops, source, newer, client, "1.0.2"))).Results.Single();

        result.Status.Should().Be(PromotionStatus.Committed);
        result.Notes.Should().BeEmpty();
    }

    [Fact]
    public async Task Without_source_history_a_promotion_is_refused_unless_the_guards_are_turned_off_and_the_result_says_so()
    {
        var gitops = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        var head = await github.HeadAsync(gitops);
        var blind = _promotions.Request(gitops, Promotions.SimpleSpec(), Images.Pinned("ghcr.io/org/app", "1.2.0"))
            with
        { Source = new PromotionSource("https://git.example/source.git", "2222222222222222222222222222222222222222") { Branch = "main" }, AllowMovedSource = false, Rollback = false };

        var act = () => _promotions.Promoter().PromoteAsync(blind);

        (await act.Should().ThrowAsync<SourceHistoryUnavailableException>()).Which.Message.Should()
            .Contain("moved-source guard cannot tell").And.Contain("Nothing was written").And.Contain("--allow-moved-source");
        (await github.HeadAsync(gitops)).Should().Be(head);

        var result = (await _promotions.Promoter().PromoteAsync(blind with { AllowMovedSource = true, Rollback = true })).Results.Single();
        result.Status.Should().Be(PromotionStatus.Committed);
        result.Notes.Should().Contain(n => n.StartsWith("Moved-source guard off (--allow-moved-source)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Local_git_history_reads_the_remote_tracking_branch_and_ancestry()
    {
        var folder = Directory.CreateTempSubdirectory("promotion-source-");
        try
        {
            var bare = await Git.BareRepositoryAsync(folder.FullName, new Dictionary<string, string> { ["app.txt"] = "v1\n" });
            var clone = Path.Combine(folder.FullName, "clone");
            await Git.RunAsync(folder.FullName, "clone", "-q", bare, clone);
            var built = await Git.RunAsync(clone, "rev-parse", "HEAD");
            var newer = await Git.CommitToBareAsync(bare, "main", "app.txt", t => t + "v2\n", "v2");
            var history = new LocalGitSourceHistory(clone);

            (await history.GetBranchHeadAsync("main")).Should().Be(built);
            await Git.RunAsync(clone, "fetch", "-q", "origin", "main");
            (await history.GetBranchHeadAsync("main")).Should().Be(newer);
            (await history.CompareAsync(built, newer)).Should().Be(SourceRelation.Ahead);
            (await history.CompareAsync(newer, built)).Should().Be(SourceRelation.Behind);
            (await history.CompareAsync(built, built)).Should().Be(SourceRelation.Identical);
            await history.Invoking(h => h.GetBranchHeadAsync("release")).Should().ThrowAsync<SourceHistoryUnavailableException>().WithMessage("*git fetch origin release*");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<(RepositoryId GitOps, RepositoryId Source, string Built, GitHubClient Client)> ArrangeAsync()
    {
        var gitops = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        var source = await github.RepositoryAsync(files: new Dictionary<string, string> { ["src/app.txt"] = "v1\n" }, name: gitops.Name + "-source");
        return (gitops, source, await github.HeadAsync(source), github.Client());
    }

    private PromotionRequest Request(RepositoryId gitops, RepositoryId source, string commit, GitHubClient client, string tag) =>
        _promotions.Request(gitops, Promotions.SimpleSpec(), Images.Pinned("ghcr.io/org/app", tag)) with
        {
            Source = new PromotionSource(source.ToString(), commit) { Branch = "main" },
            SourceHistory = new GitHubSourceHistory(client, source),
            AllowMovedSource = false,
            Rollback = false,
        };
}
