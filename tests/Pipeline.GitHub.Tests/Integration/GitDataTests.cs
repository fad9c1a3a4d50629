using System.Text;
using Pipeline.GitHub.Tests.Support;

namespace Pipeline.GitHub.Tests.Integration;

public sealed class GitDataTests(ServerFixture github) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Blob_round_trips_binary_bytes_and_has_gits_sha()
    {
        var repository = await github.NewRepositoryAsync();
        using var client = github.Client();
        var bytes = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();

        var blob = await client.Git.CreateBlobAsync(repository, bytes);

        (await client.Git.GetBlobAsync(repository, blob.Sha)).Should().Equal(bytes);
        (await github.GitAsync(repository, "cat-file", "-t", blob.Sha)).Should().Be("blob");
    }

    [Fact]
    public async Task Tree_commit_and_fast_forward_land_several_files_in_one_commit()
    {
        var repository = await github.NewRepositoryAsync(new Dictionary<string, string> { ["a.yaml"] = "a: 1\n", ["old.yaml"] = "x\n", ["keep/me.txt"] = "k\n" });
        using var client = github.Client();
        var head = await client.Git.GetRefAsync(repository, "heads/main");
        var commit = await client.Git.GetCommitAsync(repository, head.Object.Sha);
        var blob = await client.Git.CreateBlobAsync(repository, Encoding.UTF8.GetBytes("b: 2\n"));

        var tree = await client.Git.CreateTreeAsync(repository, commit.Tree.Sha,
            [TreeChange.Text("a.yaml", "a: 2\n"), TreeChange.Blob("env/b.yaml", blob.Sha), TreeChange.Delete("old.yaml")]);
        var created = await client.Git.CreateCommitAsync(repository, new NewCommit("Promote two files", tree.Sha, [head.Object.Sha]));
        var moved = await client.Git.UpdateRefAsync(repository, "refs/heads/main", created.Sha);

        moved.Object.Sha.Should().Be(created.Sha);
        (await github.GitAsync(repository, "rev-parse", "main")).Should().Be(created.Sha);
        (await github.GitAsync(repository, "ls-tree", "-r", "--name-only", "main")).Split('\n').Should().BeEquivalentTo("a.yaml", "env/b.yaml", "keep/me.txt");
        (await github.GitAsync(repository, "show", "main:a.yaml")).Should().Be("a: 2");
        (await github.GitAsync(repository, "rev-list", "--count", "main")).Should().Be("2");
        created.Parents.Should().ContainSingle().Which.Sha.Should().Be(head.Object.Sha);
        (await client.Git.GetTreeAsync(repository, tree.Sha, recursive: true)).Tree.Select(i => i.Path).Should().Contain("env/b.yaml");
    }

    [Fact]
    public async Task Ref_update_that_is_not_a_fast_forward_is_a_typed_conflict_and_moves_nothing()
    {
        var repository = await github.NewRepositoryAsync();
        using var client = github.Client();
        var head = (await client.Git.GetRefAsync(repository, "heads/main")).Object.Sha;
        var tree = (await client.Git.GetCommitAsync(repository, head)).Tree.Sha;
        var ours = await client.Git.CreateCommitAsync(repository, new NewCommit("ours", tree, [head]));
        var theirs = await client.Git.CreateCommitAsync(repository, new NewCommit("theirs", tree, [head]));
        await client.Git.UpdateRefAsync(repository, "heads/main", theirs.Sha);

        var act = () => client.Git.UpdateRefAsync(repository, "heads/main", ours.Sha);

        var conflict = (await act.Should().ThrowAsync<NonFastForwardException>()).Which;
        conflict.Reference.Should().Be("refs/heads/main");
        conflict.Sha.Should().Be(ours.Sha);
        (await github.GitAsync(repository, "rev-parse", "main")).Should().Be(theirs.Sha);
    }

    [Fact]
    public async Task Conflicting_ref_writers_keep_both_commits_when_the_loser_rebuilds_on_the_new_head()
    {
        var repository = await github.NewRepositoryAsync(new Dictionary<string, string> { ["README.md"] = "r\n" });
        using var first = github.Client();
        using var second = github.Client();

        var results = await Task.WhenAll(WriteAsync(first, repository, "a.txt"), WriteAsync(second, repository, "b.txt"));

        results.Sum().Should().BeGreaterThanOrEqualTo(1, "the writers started from the same head, so at least one had to re-read");
        (await github.GitAsync(repository, "ls-tree", "-r", "--name-only", "main")).Split('\n').Should().BeEquivalentTo("README.md", "a.txt", "b.txt");
        (await github.GitAsync(repository, "rev-list", "--count", "main")).Should().Be("3");
    }

    [Fact]
    public async Task Ref_is_created_read_and_deleted()
    {
        var repository = await github.NewRepositoryAsync();
        using var client = github.Client();
        var head = (await client.Git.GetRefAsync(repository, "refs/heads/main")).Object.Sha;

        var created = await client.Git.CreateRefAsync(repository, "heads/promote/prod", head);
        var read = await client.Git.GetRefAsync(repository, "refs/heads/promote/prod");
        await client.Git.DeleteRefAsync(repository, "refs/heads/promote/prod");

        created.Ref.Should().Be("refs/heads/promote/prod");
        read.Object.Sha.Should().Be(head);
        (await github.GitAsync(repository, "for-each-ref", "--format=%(refname)")).Should().Be("refs/heads/main");
        var act = () => client.Git.GetRefAsync(repository, "heads/promote/prod");
        await act.Should().ThrowAsync<GitHubNotFoundException>();
    }

    /// <summary>Adds a file with a tree, a commit and a fast-forward; on a conflict re-reads and rebuilds. Returns the conflicts met.</summary>
    private static async Task<int> WriteAsync(GitHubClient client, RepositoryId repository, string path)
    {
        // Both writers read the same head before either writes, so the race is real.
        var start = (await client.Git.GetRefAsync(repository, "heads/main")).Object.Sha;
        var conflicts = 0;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var head = attempt == 0 ? start : (await client.Git.GetRefAsync(repository, "heads/main")).Object.Sha;
            var tree = (await client.Git.GetCommitAsync(repository, head)).Tree.Sha;
            var newTree = await client.Git.CreateTreeAsync(repository, tree, [TreeChange.Text(path, path + "\n")]);
            var commit = await client.Git.CreateCommitAsync(repository, new NewCommit("Add " + path, newTree.Sha, [head]));
            try
            {
                await client.Git.UpdateRefAsync(repository, "heads/main", commit.Sha);
                return conflicts;
            }
            catch (NonFastForwardException)
            {
                conflicts++;
            }
        }

        throw new InvalidOperationException("Five conflicts in a row.");
    }
}
