using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub;

/// <summary><c>GET /repos/{owner}/{repo}/compare/{base}...{head}</c>, computed from the bare repository.</summary>
public sealed class CompareTests
{
    private const string R = GitHubFixture.Prefix;

    [Fact]
    public async Task Compare_says_ahead_behind_and_identical_for_shas_branches_and_owner_refs()
    {
        await using var f = await GitHubFixture.StartAsync();
        var older = await f.HeadAsync("main");
        var newer = await Branches.CommitFileAsync(f, "main", "a.txt", "a\n");

        var ahead = await f.Api.GetAsync($"{R}/compare/{older}...{newer}");
        var behind = await f.Api.GetAsync($"{R}/compare/{newer}...{older}");
        var identical = await f.Api.GetAsync($"{R}/compare/main...{newer}");
        var ownerRef = await f.Api.GetAsync($"{R}/compare/{older}...{GitHubFixture.Owner}:main");

        ahead["status"].Should().Be("ahead");
        ahead.Body["ahead_by"]!.GetValue<int>().Should().Be(1);
        ahead.Body["behind_by"]!.GetValue<int>().Should().Be(0);
        ahead.Body["total_commits"]!.GetValue<int>().Should().Be(1);
        ahead.Body["commits"]!.AsArray().Select(c => c!["sha"]!.GetValue<string>()).Should().Equal(newer);
        ahead.Body["merge_base_commit"]!["sha"]!.GetValue<string>().Should().Be(older);
        behind["status"].Should().Be("behind");
        behind.Body["behind_by"]!.GetValue<int>().Should().Be(1);
        behind.Body["commits"]!.AsArray().Should().BeEmpty();
        identical["status"].Should().Be("identical");
        ownerRef["status"].Should().Be("ahead");
    }

    [Fact]
    public async Task Compare_pages_the_commits_when_asked_and_counts_them_all()
    {
        await using var f = await GitHubFixture.StartAsync();
        var start = await f.HeadAsync("main");
        var commits = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            commits.Add(await Branches.CommitFileAsync(f, "main", "n.txt", $"{i}\n"));
        }

        var second = await f.Api.GetAsync($"{R}/compare/{start}...main?per_page=2&page=2");

        second.Body["total_commits"]!.GetValue<int>().Should().Be(3);
        second.Body["commits"]!.AsArray().Select(c => c!["sha"]!.GetValue<string>()).Should().Equal(commits[2]);
    }

    [Fact]
    public async Task Compare_of_an_unknown_commit_is_404_and_of_unrelated_histories_404_no_common_ancestor()
    {
        await using var f = await GitHubFixture.StartAsync();
        var tree = await f.BareGitAsync("hash-object", "-t", "tree", "-w", "/dev/null");
        var orphan = await f.BareGitAsync("-c", "user.name=o", "-c", "user.email=o@o", "commit-tree", tree, "-m", "orphan");
        await f.BareGitAsync("update-ref", "refs/heads/orphan", orphan);

        var unknown = await f.Api.GetAsync($"{R}/compare/main...{new string('a', 40)}");
        var malformed = await f.Api.GetAsync($"{R}/compare/main..orphan");
        var fork = await f.Api.GetAsync($"{R}/compare/main...someone-else:main");
        var unrelated = await f.Api.GetAsync($"{R}/compare/main...orphan");

        unknown.Status.Should().Be(404);
        unknown.Message.Should().Be("Not Found");
        malformed.Status.Should().Be(404);
        fork.Status.Should().Be(404);
        unrelated.Status.Should().Be(404);
        unrelated.Message.Should().Be("No common ancestor between main and orphan.");
    }
}
