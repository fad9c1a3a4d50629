using Pipeline.GitHub;
using Pipeline.Promotion.Tests.Support;

namespace Pipeline.Promotion.Tests.Adversarial;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Tests that change the process environment";
}

/// <summary>
/// A machine whose <c>~/.netrc</c> and git credential helper hold other tokens for the same host: the git processes
/// the promotion starts send only the credential the promotion was given. The server records who each request
/// authenticated as, which is what it received; the helper records whether git ever asked it.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class CredentialIsolationTests(GitOpsServer github) : IClassFixture<GitOpsServer>, IDisposable
{
    private const string Values = "image:\n  tag: \"1.0.0\"\n";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("promotion-credentials-");
    private readonly string? _home = Environment.GetEnvironmentVariable("HOME");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("HOME", _home);
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task A_netrc_and_a_credential_helper_holding_other_tokens_are_never_used_only_our_token_reaches_the_server()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        var helperLog = PoisonHome(github.Server.IssuePersonalToken("intruder"));
        var before = github.Server.RequestLog.Count;

        var result = (await new Promoter().PromoteAsync(new PromotionRequest(PromotionTarget.GitUrl(github.Server.GitUrl(repository.Owner, repository.Name).ToString()), Images.Pinned("ghcr.io/org/app", "1.1.0"))
        {
            Spec = Promotions.SimpleSpec(),
            Credentials = github.UserCredentials,
        })).Results.Single();

        result.Status.Should().Be(PromotionStatus.Committed);
        var git = github.Server.RequestLog.Skip(before).Where(r => r.Path.StartsWith($"/{repository}.git/", StringComparison.Ordinal)).ToList();
        git.Should().Contain(r => r.Path.EndsWith("/git-receive-pack", StringComparison.Ordinal));
        git.Should().OnlyContain(r => r.Principal == GitOpsServer.User, "every git request carried our token, and only ours");
        File.Exists(helperLog).Should().BeFalse("git never asked the credential helper");
    }

    [Fact]
    public async Task A_source_history_fetch_never_uses_a_netrc_or_a_credential_helper_and_refuses_instead()
    {
        var source = await github.RepositoryAsync(files: new Dictionary<string, string> { ["app.txt"] = "v1\n" }, name: "source-" + Guid.NewGuid().ToString("N")[..6]);
        var clone = Path.Combine(_folder.FullName, "clone");
        await Git.RunAsync(_folder.FullName, "clone", "-q", "file://" + github.BarePath(source), clone);
        await Git.RunAsync(clone, "remote", "set-url", "origin", github.Server.GitUrl(source.Owner, source.Name).ToString());
        var helperLog = PoisonHome(github.Server.IssuePersonalToken("intruder"));
        var before = github.Server.RequestLog.Count;

        var act = () => new LocalGitSourceHistory(clone) { Fetch = true }.GetBranchHeadAsync("main");

        (await act.Should().ThrowAsync<SourceHistoryUnavailableException>()).Which.Message.Should().Contain("git fetch origin main failed");
        var requests = github.Server.RequestLog.Skip(before).Where(r => r.Path.StartsWith($"/{source}.git/", StringComparison.Ordinal)).ToList();
        requests.Should().NotBeEmpty().And.OnlyContain(r => r.Principal == "anonymous" && r.Status == 401);
        File.Exists(helperLog).Should().BeFalse("git never asked the credential helper");
    }

    /// <summary>A HOME whose ~/.netrc and ~/.gitconfig credential helper both offer <paramref name="otherToken"/>; returns the helper's log.</summary>
    private string PoisonHome(string otherToken)
    {
        var home = Directory.CreateDirectory(Path.Combine(_folder.FullName, "home")).FullName;
        var log = Path.Combine(_folder.FullName, "helper-was-asked");
        var helper = Path.Combine(home, "credential-helper.sh");
        File.WriteAllText(helper, $"#!/bin/sh\necho \"$@\" >> '{log}'\necho username=x-access-token\necho password={otherToken}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(helper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        File.WriteAllText(Path.Combine(home, ".gitconfig"), $"[credential]\n\thelper = {helper}\n[user]\n\tname = Someone Else\n\temail = else@example.com\n");
        var host = github.Server.ApiUrl.Host;
        File.WriteAllText(Path.Combine(home, ".netrc"), $"machine {host} login x-access-token password {otherToken}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(home, ".netrc"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Environment.SetEnvironmentVariable("HOME", home);
        return log;
    }
}
