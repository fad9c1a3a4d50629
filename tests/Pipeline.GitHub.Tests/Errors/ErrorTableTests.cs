using Pipeline.GitHub.Errors;
using Pipeline.GitHub.Http;
using Pipeline.GitHub.Tests.Support;

namespace Pipeline.GitHub.Tests.Errors;

public sealed class ErrorTableTests
{
    [Theory]
    [InlineData(GitHubCredentialKind.InstallationToken, "*installation token is expired or revoked*mint a new one*")]
    [InlineData(GitHubCredentialKind.FineGrainedPersonalAccessToken, "*organisation's policy blocks fine-grained tokens*approve*")]
    [InlineData(GitHubCredentialKind.AppJwt, "*App's ID or client ID*clock*")]
    [InlineData(GitHubCredentialKind.ActionsToken, "*GITHUB_TOKEN is valid only while its job runs*")]
    public void Unauthorised_names_the_fix_for_the_kind_of_credential(GitHubCredentialKind kind, string pattern)
    {
        var error = GitHubErrorTable.Create(ErrorContexts.For(401, "Bad credentials", kind: kind));

        error.Should().BeOfType<GitHubAuthenticationException>().Which.CredentialKind.Should().Be(kind);
        error.Message.Should().Match(pattern).And.Contain("Bad credentials");
    }

    [Fact]
    public void Forbidden_with_accepted_permissions_names_the_missing_permission()
    {
        var headers = new GitHubResponseHeaders { AcceptedPermissions = "contents=write", RateLimitRemaining = 4000 };

        var error = GitHubErrorTable.Create(ErrorContexts.For(403, "Resource not accessible by integration", headers));

        error.Should().BeOfType<GitHubForbiddenException>().Which.AcceptedPermissions.Should().Be("contents=write");
        error.Message.Should().Contain("contents=write").And.Contain("grant");
    }

    [Fact]
    public void Forbidden_for_sso_says_to_authorise_the_token()
    {
        var headers = new GitHubResponseHeaders { Sso = "required; url=https://github.com/orgs/o/sso?authorization_request=1" };

        GitHubErrorTable.Create(ErrorContexts.For(403, "Resource protected by organization SAML enforcement.", headers))
            .Message.Should().Contain("single sign-on").And.Contain("authorise");
    }

    [Fact]
    public void Forbidden_with_no_requests_left_is_the_primary_rate_limit_with_its_reset_time()
    {
        var reset = ErrorContexts.Now.AddMinutes(20);
        var headers = new GitHubResponseHeaders { RateLimitRemaining = 0, RateLimitReset = reset };

        var error = GitHubErrorTable.Create(ErrorContexts.For(403, "API rate limit exceeded for installation ID 1.", headers));

        var limit = error.Should().BeOfType<GitHubRateLimitException>().Which;
        limit.Kind.Should().Be(GitHubRateLimitKind.Primary);
        limit.ResetsAt.Should().Be(reset);
        limit.IsTransient.Should().BeTrue();
        limit.Message.Should().Contain("in 1200 s").And.Contain("installation token");
    }

    [Theory]
    [InlineData(403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", null)]
    [InlineData(403, "Forbidden", 30)]
    [InlineData(429, "Too many requests", null)]
    public void Secondary_rate_limits_are_told_from_forbidden_by_message_retry_after_or_429(int status, string message, int? retryAfter)
    {
        var headers = new GitHubResponseHeaders { RateLimitRemaining = 100, RetryAfter = retryAfter is { } s ? TimeSpan.FromSeconds(s) : null };

        var error = GitHubErrorTable.Create(ErrorContexts.For(status, message, headers));

        error.Should().BeOfType<GitHubRateLimitException>().Which.Kind.Should().Be(GitHubRateLimitKind.Secondary);
        error.Message.Should().Contain("one at a time");
    }

    [Fact]
    public void Not_found_says_it_is_often_a_missing_permission()
    {
        var error = GitHubErrorTable.Create(ErrorContexts.For(404, "Not Found"));

        error.Should().BeOfType<GitHubNotFoundException>();
        error.Message.Should().Contain("missing permission").And.Contain("App not installed");
    }

    [Fact]
    public void Conflict_on_a_contents_write_is_a_stale_sha_naming_the_file_and_the_basis()
    {
        var operation = new GitHubOperation.ContentsWrite("env/prod/values.yaml", "aaaa");

        var error = GitHubErrorTable.Create(ErrorContexts.For(409, "env/prod/values.yaml does not match aaaa", operation: operation));

        var stale = error.Should().BeOfType<StaleContentShaException>().Which;
        stale.Path.Should().Be("env/prod/values.yaml");
        stale.ExpectedSha.Should().Be("aaaa");
        stale.Should().BeAssignableTo<GitHubWriteConflictException>();
        stale.Message.Should().Contain("Re-read the file");
    }

    [Fact]
    public void Missing_sha_on_a_contents_write_of_an_existing_file_is_a_stale_sha_too()
    {
        var operation = new GitHubOperation.ContentsWrite("a.yaml", null);

        GitHubErrorTable.Create(ErrorContexts.For(422, "Invalid request.\n\n\"sha\" wasn't supplied.", operation: operation))
            .Should().BeOfType<StaleContentShaException>().Which.Message.Should().Contain("as a new file, but it exists");
    }

    [Fact]
    public void Unprocessable_ref_update_that_is_not_a_fast_forward_is_a_typed_conflict()
    {
        var operation = new GitHubOperation.RefUpdate("refs/heads/main", "bbbb");

        var error = GitHubErrorTable.Create(ErrorContexts.For(422, "Update is not a fast forward", operation: operation));

        var conflict = error.Should().BeOfType<NonFastForwardException>().Which;
        conflict.Reference.Should().Be("refs/heads/main");
        conflict.Sha.Should().Be("bbbb");
        conflict.Message.Should().Contain("never force");
    }

    [Fact]
    public void Graphql_stale_data_on_a_commit_is_an_expected_head_oid_mismatch()
    {
        var operation = new GitHubOperation.CommitOnBranch("main", "cccc");
        var errors = new[] { new GitHubFieldError("createCommitOnBranch", null, "STALE_DATA", "Expected branch to point to \"cccc\" but it did not. Pull and try again.") };

        var error = GitHubErrorTable.Create(ErrorContexts.For(200, null, operation: operation, errors: errors, graphQL: true));

        var mismatch = error.Should().BeOfType<ExpectedHeadOidMismatchException>().Which;
        mismatch.ExpectedHeadOid.Should().Be("cccc");
        mismatch.Branch.Should().Be("main");
    }

    [Fact]
    public void Unprocessable_carries_githubs_errors_array_in_data_and_message()
    {
        var errors = new[] { new GitHubFieldError("PullRequest", "head", "invalid", null), new GitHubFieldError(null, null, null, "No commits between main and topic") };

        var error = GitHubErrorTable.Create(ErrorContexts.For(422, "Validation Failed", errors: errors));

        error.Should().BeOfType<GitHubValidationException>().Which.Errors.Should().HaveCount(2);
        error.Message.Should().Contain("PullRequest.head: invalid").And.Contain("No commits between main and topic");
    }

    [Theory]
    [InlineData(409, "Repository rule violations found\n\nChanges must be made through a pull request.")]
    [InlineData(422, "Protected branch update failed for refs/heads/main.")]
    public void Writes_refused_by_branch_protection_say_to_open_a_pull_request_or_bypass(int status, string message)
    {
        var operation = new GitHubOperation.ContentsWrite("a.yaml", "aaaa");

        GitHubErrorTable.Create(ErrorContexts.For(status, message, operation: operation))
            .Should().BeOfType<GitHubProtectedBranchException>().Which.Message.Should().Contain("pull request").And.Contain("bypass list");
    }

    [Theory]
    [InlineData("Protected branch update failed for refs/heads/main.\n\nChanges must be made through a pull request.")]
    [InlineData("Repository rule violations found\n\nChanges must be made through a pull request.\n\n")]
    public void GraphQL_commit_refused_by_branch_protection_inside_a_200_is_a_protected_branch_error(string message)
    {
        var operation = new GitHubOperation.CommitOnBranch("main", "cccc");
        var errors = new[] { new GitHubFieldError("createCommitOnBranch", null, "UNPROCESSABLE", message) };

        var error = GitHubErrorTable.Create(ErrorContexts.For(200, null, operation: operation, errors: errors, graphQL: true));

        error.Should().BeOfType<GitHubProtectedBranchException>().Which.Message.Should().Contain("pull request").And.Contain("bypass list");
        error.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public void Other_GraphQL_errors_inside_a_200_stay_GraphQL_errors()
    {
        var errors = new[] { new GitHubFieldError("enablePullRequestAutoMerge", null, "UNPROCESSABLE", "Pull request Pull request is in clean status") };

        GitHubErrorTable.Create(ErrorContexts.For(200, null, errors: errors, graphQL: true)).Should().BeOfType<GitHubGraphQLException>();
    }

    [Fact]
    public void Merge_refused_with_405_is_not_mergeable()
    {
        GitHubErrorTable.Create(ErrorContexts.For(405, "Pull Request is not mergeable", operation: new GitHubOperation.Merge(7)))
            .Should().BeOfType<GitHubNotMergeableException>().Which.Message.Should().Contain("auto-merge");
    }

    [Theory]
    [InlineData(409, typeof(GitHubConflictException))]
    [InlineData(500, typeof(GitHubServerException))]
    [InlineData(502, typeof(GitHubServerException))]
    [InlineData(400, typeof(GitHubException))]
    public void Other_statuses_map_to_their_row(int status, Type type)
    {
        var error = GitHubErrorTable.Create(ErrorContexts.For(status, "something"));

        error.Should().BeOfType(type);
        error.StatusCode.Should().Be((System.Net.HttpStatusCode)status);
        error.Response!.RequestId.Should().Be("ABCD:1234");
    }
}
