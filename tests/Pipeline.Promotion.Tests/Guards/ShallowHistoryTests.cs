using Pipeline.GitHub;
using Pipeline.Promotion.Tests.Support;

namespace Pipeline.Promotion.Tests.Guards;

/// <summary>The guards from a shallow CI checkout (git clone --depth 1): never a guess from history that is not there.</summary>
public sealed class ShallowHistoryTests(GitOpsServer github) : IClassFixture<GitOpsServer>, IDisposable
{
    private const string Values = "image:\n  tag: \"1.0.0\"\n";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("promotion-shallow-");
    private readonly Promotions _promotions = new(github);

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task A_shallow_clone_that_may_not_fetch_refuses_to_compare_a_commit_it_lacks_or_cannot_connect()
    {
        var (bare, commits) = await SourceAsync(3);
        var clone = await ShallowCloneAsync(bare);
        var newest = await Git.CommitToBareAsync(bare, "main", "app.txt", t => t + "4\n", "4");
        await Git.RunAsync(clone, "fetch", "-q", "--depth", "1", "origin", "main");
        var history = new LocalGitSourceHistory(clone);

        var missing = () => history.CompareAsync(commits[2], commits[0]);
        var cut = () => history.CompareAsync(commits[2], newest);

        (await missing.Should().ThrowAsync<SourceHistoryUnavailableException>()).Which.Message.Should()
            .Contain($"does not have {commits[0]}").And.Contain("fetch-depth: 0");
        (await cut.Should().ThrowAsync<SourceHistoryUnavailableException>()).Which.Message.Should()
            .Contain("is a shallow clone, and the commits it has do not connect");
    }

    [Fact]
    public async Task A_shallow_clone_that_may_fetch_deepens_itself_and_tells_older_from_newer()
    {
        var (bare, commits) = await SourceAsync(3);
        var clone = await ShallowCloneAsync(bare);
        var history = new LocalGitSourceHistory(clone) { Fetch = true };

        var older = await history.CompareAsync(commits[2], commits[0]);
        var newer = await history.CompareAsync(commits[0], commits[2]);

        older.Should().Be(SourceRelation.Behind);
        newer.Should().Be(SourceRelation.Ahead);
        (await Git.RunAsync(clone, "rev-parse", "--is-shallow-repository")).Should().Be("false");
    }

    [Fact]
    public async Task A_shallow_clone_that_may_fetch_reads_the_branch_head_where_it_is_now()
    {
        var (bare, commits) = await SourceAsync(1);
        var clone = await ShallowCloneAsync(bare);
        var moved = await Git.CommitToBareAsync(bare, "main", "app.txt", t => t + "moved\n", "moved");

        (await new LocalGitSourceHistory(clone).GetBranchHeadAsync("main")).Should().Be(commits[0]);
        (await new LocalGitSourceHistory(clone) { Fetch = true }.GetBranchHeadAsync("main")).Should().Be(moved);
    }

    [Fact]
    public async Task Older_source_than_the_current_pin_is_refused_from_a_shallow_checkout_through_the_compare_API()
    {
        var gitops = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        var source = await github.RepositoryAsync(files: new Dictionary<string, string> { ["src/app.txt"] = "v1\n" }, name: gitops.Name + "-source");
        var older = await github.HeadAsync(source);
        var checkout = await ShallowCloneAsync(github.BarePath(source));
        var newer = await github.CompetingCommitAsync(source, "src/app.txt", t => t + "v2\n");
        using var client = github.Client();
        var history = new SourceHistoryChain(new LocalGitSourceHistory(checkout), new GitHubSourceHistory(client, source));
        PromotionRequest Request(string commit, string tag) => _promotions.Request(gitops, Promotions.SimpleSpec(), Images.Pinned("ghcr.io/org/app", tag)) with
        {
            Source = new PromotionSource(source.ToString(), commit) { Branch = "main" },
            SourceHistory = history,
            AllowMovedSource = true,
            Rollback = false,
        };
        await _promotions.Promoter().PromoteAsync(Request(newer, "2.0.0"));
        var head = await github.HeadAsync(gitops);
        var before = github.Server.RequestLog.Count;

        var act = () => _promotions.Promoter().PromoteAsync(Request(older, "1.9.0"));

        (await act.Should().ThrowAsync<NewerPinException>()).Which.PinnedCommit.Should().Be(newer);
        (await github.HeadAsync(gitops)).Should().Be(head);
        github.Server.RequestLog.Skip(before).Should().Contain(r => r.Path.EndsWith($"/repos/{source}/compare/{newer}...{older}", StringComparison.Ordinal));
        (await Git.RunAsync(checkout, "rev-parse", "--is-shallow-repository")).Should().Be("true", "the checkout was only read");
    }

    [Fact]
    public async Task Older_source_than_the_current_pin_is_refused_from_a_shallow_checkout_that_deepens_itself()
    {
        var gitops = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        var (bare, commits) = await SourceAsync(2);
        var checkout = await ShallowCloneAsync(bare, "--branch", "main");
        PromotionRequest Request(string commit, string tag) => _promotions.Request(gitops, Promotions.SimpleSpec(), Images.Pinned("ghcr.io/org/app", tag)) with
        {
            Source = new PromotionSource("file://" + bare, commit) { Branch = "main" },
            SourceHistory = new LocalGitSourceHistory(checkout) { Fetch = true },
            AllowMovedSource = true,
            Rollback = false,
        };
        await _promotions.Promoter().PromoteAsync(Request(commits[1], "2.0.0"));
        var head = await github.HeadAsync(gitops);

        var act = () => _promotions.Promoter().PromoteAsync(Request(commits[0], "1.9.0"));

        (await act.Should().ThrowAsync<NewerPinException>()).Which.PromotedCommit.Should().Be(commits[0]);
        (await github.HeadAsync(gitops)).Should().Be(head);
    }

    [Fact]
    public async Task The_compare_API_says_diverged_for_unrelated_histories_and_cannot_tell_for_a_commit_it_does_not_have()
    {
        var source = await github.RepositoryAsync(files: new Dictionary<string, string> { ["app.txt"] = "v1\n" }, name: "compare-" + Guid.NewGuid().ToString("N")[..6]);
        var main = await github.HeadAsync(source);
        var tree = await github.GitAsync(source, "hash-object", "-t", "tree", "-w", "/dev/null");
        var orphan = await github.GitAsync(source, "-c", "user.name=o", "-c", "user.email=o@o", "commit-tree", tree, "-m", "orphan");
        await github.GitAsync(source, "update-ref", "refs/heads/orphan", orphan);
        using var client = github.Client();
        var history = new GitHubSourceHistory(client, source);

        var unrelated = await history.CompareAsync(main, orphan);
        var missing = () => history.CompareAsync(main, new string('a', 40));

        unrelated.Should().Be(SourceRelation.Diverged);
        (await missing.Should().ThrowAsync<SourceHistoryUnavailableException>()).Which.Message.Should().Contain("answered 404");
    }

    /// <summary>A bare source repository with <paramref name="count"/> commits on main, oldest first.</summary>
    private async Task<(string Bare, List<string> Commits)> SourceAsync(int count)
    {
        var parent = Directory.CreateDirectory(Path.Combine(_folder.FullName, "source-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var bare = await Git.BareRepositoryAsync(parent, new Dictionary<string, string> { ["app.txt"] = "0\n" });
        var commits = new List<string> { await Git.RunAsync(bare, "rev-parse", "main") };
        for (var i = 1; i < count; i++)
        {
            commits.Add(await Git.CommitToBareAsync(bare, "main", "app.txt", t => t + i + "\n", "change " + i));
        }

        return (bare, commits);
    }

    private async Task<string> ShallowCloneAsync(string bare, params string[] extra)
    {
        var clone = Path.Combine(_folder.FullName, "clone-" + Guid.NewGuid().ToString("N")[..8]);
        await Git.RunAsync(_folder.FullName, ["clone", "-q", "--depth", "1", .. extra, "file://" + bare, clone]);
        (await Git.RunAsync(clone, "rev-parse", "--is-shallow-repository")).Should().Be("true");
        return clone;
    }
}
