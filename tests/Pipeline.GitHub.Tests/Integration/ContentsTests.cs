using System.Text;
using Pipeline.GitHub.Tests.Support;

namespace Pipeline.GitHub.Tests.Integration;

public sealed class ContentsTests(ServerFixture github) : IClassFixture<ServerFixture>
{
    private const string Values = "# prod values\r\nimage:\r\n  repository: ghcr.io/org/app # pinned by CI\r\n  tag: \"1.2.3\"\r\nnote: \"héllo wörld, a line long enough that its base64 wraps at sixty characters\"\r\n";

    [Fact]
    public async Task Get_file_decodes_line_wrapped_base64_byte_for_byte()
    {
        var repository = await github.NewRepositoryAsync(new Dictionary<string, string> { ["env/prod/values.yaml"] = Values });
        using var client = github.Client();

        var file = await client.Contents.GetFileAsync(repository, "env/prod/values.yaml");

        file.Content.Should().Equal(Encoding.UTF8.GetBytes(Values));
        file.Text.Should().Be(Values);
        file.Sha.Should().Be(await github.GitAsync(repository, "rev-parse", "main:env/prod/values.yaml"));
    }

    [Fact]
    public async Task Put_with_the_read_sha_commits_the_file_as_git_sees_it()
    {
        var repository = await github.NewRepositoryAsync(new Dictionary<string, string> { ["values.yaml"] = "tag: 1\n" });
        using var client = github.Client();
        var file = await client.Contents.GetFileAsync(repository, "values.yaml");

        var written = await client.Contents.PutFileAsync(repository, FileWrite.Text("values.yaml", "tag: 2\n", "Pin tag 2") with { Sha = file.Sha });

        (await github.GitAsync(repository, "rev-parse", "refs/heads/main")).Should().Be(written.CommitSha);
        (await github.GitAsync(repository, "show", "main:values.yaml")).Should().Be("tag: 2");
        (await github.GitAsync(repository, "log", "-1", "--format=%s", "main")).Should().Be("Pin tag 2");
        written.BlobSha.Should().Be(await github.GitAsync(repository, "rev-parse", "main:values.yaml"));
    }

    [Fact]
    public async Task Put_creates_a_new_file_without_sha_on_a_named_branch()
    {
        var repository = await github.NewRepositoryAsync();
        using var client = github.Client();
        var main = (await client.Repositories.GetBranchAsync(repository, "main")).Commit.Sha;
        await client.Git.CreateRefAsync(repository, "refs/heads/promote", main);

        await client.Contents.PutFileAsync(repository, FileWrite.Text("new/file.yaml", "a: 1\n", "Add file") with { Branch = "promote" });

        (await github.GitAsync(repository, "show", "promote:new/file.yaml")).Should().Be("a: 1");
        (await github.GitAsync(repository, "rev-parse", "main")).Should().Be(main);
    }

    [Fact]
    public async Task Put_with_a_stale_sha_is_a_typed_conflict_and_writes_nothing()
    {
        var repository = await github.NewRepositoryAsync(new Dictionary<string, string> { ["values.yaml"] = "tag: 1\n" });
        using var client = github.Client();
        var stale = await client.Contents.GetFileAsync(repository, "values.yaml");
        await client.Contents.PutFileAsync(repository, FileWrite.Text("values.yaml", "tag: 2\n", "Other writer") with { Sha = stale.Sha });
        var head = await github.GitAsync(repository, "rev-parse", "main");

        var act = () => client.Contents.PutFileAsync(repository, FileWrite.Text("values.yaml", "tag: 3\n", "Late writer") with { Sha = stale.Sha });

        var conflict = (await act.Should().ThrowAsync<StaleContentShaException>()).Which;
        conflict.Path.Should().Be("values.yaml");
        conflict.ExpectedSha.Should().Be(stale.Sha);
        conflict.Message.Should().Contain("Re-read the file");
        (await github.GitAsync(repository, "rev-parse", "main")).Should().Be(head);
    }

    [Fact]
    public async Task Create_of_a_file_that_exists_is_a_stale_sha_conflict()
    {
        var repository = await github.NewRepositoryAsync(new Dictionary<string, string> { ["values.yaml"] = "tag: 1\n" });
        using var client = github.Client();

        var act = () => client.Contents.PutFileAsync(repository, FileWrite.Text("values.yaml", "tag: 9\n", "Blind create"));

        (await act.Should().ThrowAsync<StaleContentShaException>()).Which.ExpectedSha.Should().BeNull();
    }

    [Fact]
    public async Task Conflicting_writers_on_one_file_lose_nothing_when_the_loser_rereads_and_reapplies()
    {
        var repository = await github.NewRepositoryAsync(new Dictionary<string, string> { ["pins.txt"] = "base\n" });
        using var first = github.Client();
        using var second = github.Client();
        var readByFirst = await first.Contents.GetFileAsync(repository, "pins.txt");
        var readBySecond = await second.Contents.GetFileAsync(repository, "pins.txt");

        var outcomes = await Task.WhenAll(
            TryWrite(first, repository, readByFirst, "app-a\n"),
            TryWrite(second, repository, readBySecond, "app-b\n"));

        outcomes.Count(o => o is null).Should().Be(1);
        var loser = outcomes.Single(o => o is not null)!;
        loser.Should().BeOfType<StaleContentShaException>();
        var loserClient = outcomes[0] is null ? second : first;
        var loserLine = outcomes[0] is null ? "app-b\n" : "app-a\n";
        var reread = await loserClient.Contents.GetFileAsync(repository, "pins.txt");
        await loserClient.Contents.PutFileAsync(repository, FileWrite.Text("pins.txt", reread.Text + loserLine, "Retry") with { Sha = reread.Sha });

        var final = await github.GitAsync(repository, "show", "main:pins.txt");
        final.Should().Contain("base").And.Contain("app-a").And.Contain("app-b");
        (await github.GitAsync(repository, "rev-list", "--count", "main")).Should().Be("3");
    }

    private static async Task<Exception?> TryWrite(GitHubClient client, RepositoryId repository, RepositoryFile read, string line)
    {
        try
        {
            await client.Contents.PutFileAsync(repository, FileWrite.Text(read.Path, read.Text + line, "Add " + line.Trim()) with { Sha = read.Sha });
            return null;
        }
        catch (GitHubWriteConflictException e)
        {
            return e;
        }
    }
}
