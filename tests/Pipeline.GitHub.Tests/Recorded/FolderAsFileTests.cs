using Pipeline.GitHub.Tests.Support;

namespace Pipeline.GitHub.Tests.Recorded;

/// <summary>Reading a path that is a folder says so, with the path, instead of failing to read JSON.</summary>
public sealed class FolderAsFileTests
{
    [Fact]
    public async Task A_folder_read_as_a_file_is_an_error_that_names_the_path_and_its_entries()
    {
        await using var github = await RecordedGitHubServer.StartAsync();
        github.Answer("/repos/octocat/octokit.rb/contents/lib", 200,
            RecordedGitHubServer.Recording("redirects-and-folders.json")["directory"]!.DeepClone());
        using var client = new GitHubClient(new GitHubClientOptions(GitHubEndpoint.FromApiUrl(github.Url),
            GitHubToken.PersonalAccessToken(new Secret("ghp_recorded"))));

        var act = () => client.Contents.GetFileAsync(new RepositoryId("octocat", "octokit.rb"), "lib");

        var error = (await act.Should().ThrowAsync<GitHubException>()).Which;
        error.Message.Should().Contain("octocat/octokit.rb:lib is a directory").And.Contain("lib/octokit.rb");
        error.Message.Should().NotContain("JSON");
    }
}
