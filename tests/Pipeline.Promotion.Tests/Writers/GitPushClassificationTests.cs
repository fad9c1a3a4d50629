using System.Text;
using Pipeline.GitHub;
using Pipeline.Promotion.Tests.Support;
using Pipeline.Promotion.Writers;
using Pipeline.Rehearsal.GitHub;

namespace Pipeline.Promotion.Tests.Writers;

/// <summary>
/// Every way a real git reports a failed push, produced by real git against real remotes (file:// bare repositories
/// with hooks, and the local server's smart HTTP), read by <see cref="GitRemoteFailure"/> and by the git writer.
/// </summary>
public sealed class GitPushClassificationTests(GitOpsServer github) : IClassFixture<GitOpsServer>, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("promotion-push-");

    public void Dispose()
    {
        foreach (var file in _folder.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            file.Attributes = FileAttributes.Normal;
        }

        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task A_push_behind_an_unknown_commit_says_fetch_first_and_is_a_lost_race()
    {
        var (bare, work) = await CloneAsync();
        await Git.CommitToBareAsync(bare, "main", "values.yaml", t => t + "other: 1\n", "other writer");
        await CommitAsync(work, "mine: 1\n");

        var output = await PushFailureAsync(work, "push", "origin", "main");

        output.Should().Contain("(fetch first)");
        GitRemoteFailure.Classify(output).Should().Be(GitRemoteFailureKind.LostRace);
    }

    [Fact]
    public async Task A_push_behind_a_fetched_commit_says_non_fast_forward_and_is_a_lost_race()
    {
        var (bare, work) = await CloneAsync();
        await Git.CommitToBareAsync(bare, "main", "values.yaml", t => t + "other: 1\n", "other writer");
        await Git.RunAsync(work, "fetch", "-q", "origin");
        await CommitAsync(work, "mine: 1\n");

        var output = await PushFailureAsync(work, "push", "origin", "main");

        output.Should().Contain("non-fast-forward");
        GitRemoteFailure.Classify(output).Should().Be(GitRemoteFailureKind.LostRace);
    }

    [Fact]
    public async Task A_push_with_a_lease_on_a_moved_branch_says_stale_info_and_is_a_lost_race()
    {
        var (bare, work) = await CloneAsync();
        var leased = await Git.RunAsync(work, "rev-parse", "HEAD");
        await Git.CommitToBareAsync(bare, "main", "values.yaml", t => t + "other: 1\n", "other writer");
        await Git.RunAsync(work, "fetch", "-q", "origin");
        await CommitAsync(work, "mine: 1\n");

        var output = await PushFailureAsync(work, "push", $"--force-with-lease=main:{leased}", "origin", "main");

        output.Should().Contain("(stale info)");
        GitRemoteFailure.Classify(output).Should().Be(GitRemoteFailureKind.LostRace);
    }

    [Fact]
    public async Task A_push_whose_ref_moved_while_the_server_received_it_says_cannot_lock_ref_and_is_a_lost_race()
    {
        var (bare, work) = await CloneAsync();
        var competitor = await CompetingCommitOnSideBranchAsync(bare);
        MoveMainDuringNextPush(bare, competitor);
        await CommitAsync(work, "mine: 1\n");

        var output = await PushFailureAsync(work, "push", "origin", "main");

        output.Should().Contain("cannot lock ref 'refs/heads/main'").And.Contain("but expected");
        GitRemoteFailure.Classify(output).Should().Be(GitRemoteFailureKind.LostRace);
    }

    [Theory]
    [InlineData("incorrect old value provided")]
    [InlineData("failed to update ref")]
    public async Task A_server_that_reports_a_failed_ref_update_is_a_lost_race(string reason)
    {
        var (bare, work) = await CloneAsync();
        await ReportRefUpdatesAsync(bare, reason);
        await CommitAsync(work, "mine: 1\n");

        var output = await PushFailureAsync(work, "push", "origin", "main");

        output.Should().Contain($"[remote rejected] main -> main ({reason})");
        GitRemoteFailure.Classify(output).Should().Be(GitRemoteFailureKind.LostRace);
    }

    [Fact]
    public async Task A_protected_branch_says_GH006_and_is_not_retried()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = "tag: 1\n" });
        github.Server.ProtectBranch(repository.Owner, repository.Name, "main");
        var work = await CloneOverHttpAsync(repository, github.UserToken.Reveal());
        await CommitAsync(work, "mine: 1\n");

        var output = await PushFailureAsync(work, Authorized(github.UserToken.Reveal(), "push", "origin", "main"));

        output.Should().Contain("GH006");
        GitRemoteFailure.Classify(output).Should().Be(GitRemoteFailureKind.ProtectedBranch);
    }

    [Fact]
    public async Task Refused_credentials_are_an_authentication_failure_and_the_writer_says_it_does_not_retry()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = "tag: 1\n" });
        var work = await CloneOverHttpAsync(repository, github.UserToken.Reveal());
        await CommitAsync(work, "mine: 1\n");

        var output = await PushFailureAsync(work, Authorized("ghp_revoked000000000000000000000000000000", "push", "origin", "main"));
        await using var writer = new GitWriter(github.Server.GitUrl(repository.Owner, repository.Name).ToString(),
            _ => ValueTask.FromResult<Secret?>(new Secret("ghp_revoked000000000000000000000000000000")), Support.Writers.Committer);
        var act = () => writer.ReadAsync("main", ["values.yaml"]);

        GitRemoteFailure.Classify(output).Should().Be(GitRemoteFailureKind.Authentication);
        var error = (await act.Should().ThrowAsync<PromotionGitException>()).Which;
        error.IsTransient.Should().BeFalse();
        error.Message.Should().Contain("refused the credentials").And.Contain("Not retried").And.NotContain("ghp_revoked");
    }

    [Fact]
    public async Task A_missing_repository_is_named_and_not_retried_over_http_and_file_urls()
    {
        var http = await PushFailureAsync(_folder.FullName, Authorized(github.UserToken.Reveal(), "ls-remote", github.Server.GitUrl(GitOpsServer.Owner, "no-such-repository").ToString()));
        var file = await PushFailureAsync(_folder.FullName, "ls-remote", new Uri(Path.Combine(_folder.FullName, "missing.git")).AbsoluteUri);
        await using var writer = new GitWriter(new Uri(Path.Combine(_folder.FullName, "missing.git")).AbsoluteUri, _ => ValueTask.FromResult<Secret?>(null), Support.Writers.Committer);
        var act = () => writer.ReadAsync("main", ["values.yaml"]);

        GitRemoteFailure.Classify(http).Should().Be(GitRemoteFailureKind.MissingRepository);
        GitRemoteFailure.Classify(file).Should().Be(GitRemoteFailureKind.MissingRepository);
        var error = (await act.Should().ThrowAsync<PromotionGitException>()).Which;
        error.IsTransient.Should().BeFalse();
        error.Message.Should().Contain("was not found").And.Contain("Not retried");
    }

    [Fact]
    public async Task A_server_error_during_the_push_is_transient()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = "tag: 1\n" });
        var work = await CloneOverHttpAsync(repository, github.UserToken.Reveal());
        await CommitAsync(work, "mine: 1\n");
        github.Server.Faults.FailNext("POST", $"/{repository}.git/git-receive-pack", 502);

        var output = await PushFailureAsync(work, Authorized(github.UserToken.Reveal(), "push", "origin", "main"));

        output.Should().Contain("502");
        GitRemoteFailure.Classify(output).Should().Be(GitRemoteFailureKind.Transient);
    }

    [Fact]
    public async Task A_promotion_whose_push_loses_the_ref_lock_fetches_again_and_lands_on_the_other_commit()
    {
        var (bare, _) = await CloneAsync();
        var competitor = await CompetingCommitOnSideBranchAsync(bare);
        MoveMainDuringNextPush(bare, competitor);

        var result = (await new Promoter(new PromoterOptions { Delay = (_, _) => Task.CompletedTask })
            .PromoteAsync(GitRequest(new Uri(bare).AbsoluteUri, null))).Results.Single();

        result.Status.Should().Be(PromotionStatus.Committed);
        result.Attempts.Should().Be(2);
        (await Git.RunAsync(bare, "rev-parse", "main^")).Should().Be(competitor);
        (await Git.RunAsync(bare, "show", "main:values.yaml")).Should().Be("tag: \"2.0.0\"\nside: 1");
    }

    [Fact]
    public async Task A_promotion_whose_push_hits_a_server_error_fetches_again_and_lands()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = "tag: \"1.0.0\"\n" });
        github.Server.Faults.FailNext("POST", $"/{repository}.git/git-receive-pack", 502);

        var result = (await new Promoter(new PromoterOptions { Delay = (_, _) => Task.CompletedTask })
            .PromoteAsync(GitRequest(github.Server.GitUrl(repository.Owner, repository.Name).ToString(), github.UserCredentials))).Results.Single();

        result.Status.Should().Be(PromotionStatus.Committed);
        result.Attempts.Should().Be(2);
        (await github.ShowTextAsync(repository, "main", "values.yaml")).Should().Be("tag: \"2.0.0\"\n");
        (await github.GitAsync(repository, "rev-list", "--count", "main")).Should().Be("2");
    }

    [Fact]
    public async Task A_promotion_refused_for_its_credentials_fails_at_once_without_retrying()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = "tag: \"1.0.0\"\n" });
        var delays = 0;
        var promoter = new Promoter(new PromoterOptions { Delay = (_, _) => { delays++; return Task.CompletedTask; } });
        var credentials = GitHubToken.PersonalAccessToken(new Secret("ghp_revoked000000000000000000000000000000"));

        var act = () => promoter.PromoteAsync(GitRequest(github.Server.GitUrl(repository.Owner, repository.Name).ToString(), credentials));

        (await act.Should().ThrowAsync<PromotionGitException>()).Which.Message.Should().Contain("Not retried");
        delays.Should().Be(0);
    }

    private PromotionRequest GitRequest(string url, IGitHubCredentials? credentials) =>
        new(PromotionTarget.GitUrl(url), Images.Pinned("ghcr.io/org/app", "2.0.0"))
        {
            Spec = Promotions.SimpleSpec(edit: "helm: tag"),
            Branch = "main",
            Credentials = credentials,
        };

    /// <summary>A bare repository with <c>values.yaml</c> on main, and a clone of it to push from.</summary>
    private async Task<(string Bare, string Work)> CloneAsync()
    {
        var parent = Directory.CreateDirectory(Path.Combine(_folder.FullName, Guid.NewGuid().ToString("N")[..8])).FullName;
        var bare = await Git.BareRepositoryAsync(parent, new Dictionary<string, string> { ["values.yaml"] = "tag: \"1.0.0\"\n" });
        var work = Path.Combine(parent, "work");
        await Git.RunAsync(parent, "clone", "-q", bare, work);
        return (bare, work);
    }

    private async Task<string> CloneOverHttpAsync(RepositoryId repository, string token)
    {
        var work = Path.Combine(_folder.FullName, Guid.NewGuid().ToString("N")[..8]);
        await Git.RunAsync(_folder.FullName, Authorized(token, "clone", "-q", github.Server.GitUrl(repository.Owner, repository.Name).ToString(), work));
        return work;
    }

    private static string[] Authorized(string token, params string[] arguments) =>
        ["-c", "http.extraHeader=Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + token)), "-c", "credential.helper=", .. arguments];

    private static async Task CommitAsync(string work, string line)
    {
        await File.AppendAllTextAsync(Path.Combine(work, "values.yaml"), line);
        await Git.RunAsync(work, "commit", "-q", "-am", "my change");
    }

    /// <summary>Runs a git command that must fail, and returns what it printed on both streams.</summary>
    private static async Task<string> PushFailureAsync(string directory, params string[] arguments)
    {
        var (code, output, error) = await Git.TryAsync(directory, ["-c", "core.askPass=", .. arguments]);
        code.Should().NotBe(0, "the command must fail: {0}{1}", output, error);
        return output + "\n" + error;
    }

    /// <summary>A commit on top of main, kept on a side branch until a hook moves main to it.</summary>
    private static async Task<string> CompetingCommitOnSideBranchAsync(string bare)
    {
        await Git.RunAsync(bare, "branch", "side", "main");
        return await Git.CommitToBareAsync(bare, "side", "values.yaml", t => t + "side: 1\n", "the other writer");
    }

    /// <summary>
    /// A pre-receive hook that, once, moves main to <paramref name="sha"/> while the push is being received: the push's
    /// ref update then finds main elsewhere than the push expected, as when another push lands in between.
    /// </summary>
    private static void MoveMainDuringNextPush(string bare, string sha)
    {
        var hook = Path.Combine(bare, "hooks", "pre-receive");
        File.WriteAllText(hook, $$"""
            #!/bin/sh
            cat > /dev/null
            if [ ! -f moved ]; then
              touch moved
              env -u GIT_QUARANTINE_PATH -u GIT_OBJECT_DIRECTORY -u GIT_ALTERNATE_OBJECT_DIRECTORIES git update-ref refs/heads/main {{sha}}
            fi
            exit 0

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        MakeExecutable(hook);
    }

    /// <summary>
    /// A <c>proc-receive</c> hook (git's way for a server to answer for each ref itself) that reports every pushed ref as
    /// not updated, with <paramref name="reason"/>, as a host whose ref update failed does.
    /// </summary>
    private static async Task ReportRefUpdatesAsync(string bare, string reason)
    {
        await Git.RunAsync(bare, "config", "receive.procReceiveRefs", "refs/heads");
        var hook = Path.Combine(bare, "hooks", "proc-receive");
        File.WriteAllText(hook, $$"""
            #!/bin/bash
            # pkt-line: four hex digits of length (themselves included), then the data; 0000 ends a list.
            pkt() { printf '%04x%s' $(( ${#1} + 4 )) "$1"; }
            readpkt() { local len; len=$(head -c 4); [ -n "$len" ] && [ "$len" != "0000" ] && head -c $(( 16#$len - 4 )); }
            while readpkt > /dev/null; do :; done
            pkt $'version=1\n'; printf 0000
            refs=()
            while command=$(readpkt); do refs+=("$(printf '%s' "$command" | cut -d' ' -f3 | tr -d '\n')"); done
            for ref in "${refs[@]}"; do pkt "ng $ref {{reason}}"$'\n'; done
            printf 0000

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        MakeExecutable(hook);
    }

    private static void MakeExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
