using Pipeline.GitHub.Tests.Support;
using Pipeline.Rehearsal.GitHub;

namespace Pipeline.GitHub.Tests.Integration;

public sealed class ErrorMappingTests(ServerFixture github) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Unknown_repository_is_not_found_with_the_permission_hint()
    {
        using var client = github.Client();

        var act = () => client.Repositories.GetAsync(new RepositoryId(ServerFixture.Owner, "does-not-exist"));

        var error = (await act.Should().ThrowAsync<GitHubNotFoundException>()).Which;
        error.Message.Should().Contain("missing permission");
        error.Response!.RequestId.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Unknown_token_is_bad_credentials_with_the_fix_for_its_kind()
    {
        var repository = await github.NewRepositoryAsync();
        using var client = github.Client(credentials: GitHubToken.PersonalAccessToken(new Secret("github_pat_unknown_0000")));

        var act = () => client.Repositories.GetAsync(repository);

        var error = (await act.Should().ThrowAsync<GitHubAuthenticationException>()).Which;
        error.CredentialKind.Should().Be(GitHubCredentialKind.FineGrainedPersonalAccessToken);
        error.Message.Should().Contain("fine-grained token is expired or revoked");
    }

    [Fact]
    public async Task Expired_token_is_bad_credentials()
    {
        var repository = await github.NewRepositoryAsync();
        var expired = github.Server.IssuePersonalToken(ServerFixture.User, new PersonalTokenOptions { ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        using var client = github.Client(credentials: GitHubToken.PersonalAccessToken(new Secret(expired)));

        var act = () => client.Repositories.GetAsync(repository);

        await act.Should().ThrowAsync<GitHubAuthenticationException>();
    }

    [Fact]
    public async Task Write_with_a_read_only_fine_grained_token_is_forbidden()
    {
        var repository = await github.NewRepositoryAsync(new Dictionary<string, string> { ["v.yaml"] = "a\n" });
        var readOnly = github.Server.IssuePersonalToken(ServerFixture.User, new PersonalTokenOptions
        {
            FineGrained = true,
            Permissions = new Dictionary<string, string> { ["contents"] = "read", ["metadata"] = "read" },
        });
        using var client = github.Client(credentials: GitHubToken.PersonalAccessToken(new Secret(readOnly)));
        var file = await client.Contents.GetFileAsync(repository, "v.yaml");

        var act = () => client.Contents.PutFileAsync(repository, FileWrite.Text("v.yaml", "b\n", "m") with { Sha = file.Sha });

        (await act.Should().ThrowAsync<GitHubForbiddenException>()).Which.Message.Should().Contain("Resource not accessible");
    }

    [Fact]
    public async Task Creating_a_ref_that_exists_is_a_validation_error_quoting_github()
    {
        var repository = await github.NewRepositoryAsync();
        using var client = github.Client();
        var head = (await client.Git.GetRefAsync(repository, "heads/main")).Object.Sha;

        var act = () => client.Git.CreateRefAsync(repository, "heads/main", head);

        (await act.Should().ThrowAsync<GitHubValidationException>()).Which.Message.Should().Contain("Reference already exists");
    }

    [Fact]
    public async Task Direct_write_to_a_protected_branch_says_to_open_a_pull_request()
    {
        var repository = await github.NewRepositoryAsync(new Dictionary<string, string> { ["v.yaml"] = "a\n" });
        github.Server.ProtectBranch(repository.Owner, repository.Name, "main");
        using var client = github.Client();
        var file = await client.Contents.GetFileAsync(repository, "v.yaml");

        var act = () => client.Contents.PutFileAsync(repository, FileWrite.Text("v.yaml", "b\n", "m") with { Sha = file.Sha });

        (await act.Should().ThrowAsync<GitHubProtectedBranchException>()).Which.Message.Should().Contain("pull request");
    }

    [Fact]
    public async Task Direct_ref_update_of_a_protected_branch_is_refused_as_protected_not_as_a_conflict()
    {
        var repository = await github.NewRepositoryAsync();
        github.Server.ProtectBranch(repository.Owner, repository.Name, "main");
        using var client = github.Client();
        var head = (await client.Git.GetRefAsync(repository, "heads/main")).Object.Sha;
        var tree = (await client.Git.GetCommitAsync(repository, head)).Tree.Sha;
        var commit = await client.Git.CreateCommitAsync(repository, new NewCommit("m", tree, [head]));

        var act = () => client.Git.UpdateRefAsync(repository, "heads/main", commit.Sha);

        await act.Should().ThrowAsync<GitHubProtectedBranchException>();
    }
}
