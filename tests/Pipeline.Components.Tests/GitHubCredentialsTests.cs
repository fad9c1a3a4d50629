using System.Security.Cryptography;
using Pipeline.Components.Tests.Support;
using Pipeline.GitHub;
using Pipeline.Targets;

namespace Pipeline.Components.Tests;

public sealed class GitHubCredentialsTests : IDisposable
{
    private static readonly string Pem = CreatePem();
    private readonly BuildRun _run = new();

    [Fact]
    public async Task An_App_ID_with_PEM_text_gives_the_App_whose_JWT_names_that_ID()
    {
        _run.Environment["GITHUB_APP_ID"] = "12345";
        _run.Environment["GITHUB_APP_PRIVATE_KEY"] = Pem;

        var credentials = await ResolveAsync();

        var app = credentials.Should().BeOfType<GitHubApp>().Subject;
        app.Issuer.Should().Be("12345");
        app.Kind.Should().Be(GitHubCredentialKind.AppJwt);
        app.Dispose();
    }

    [Fact]
    public async Task An_App_key_may_be_the_path_of_a_pem_file()
    {
        var file = Path.Combine(_run.Root, "app.pem");
        await File.WriteAllTextAsync(file, Pem);

        var credentials = await ResolveAsync("--github-app-id", "Iv23liClientId", "--github-app-private-key", file);

        credentials.Should().BeOfType<GitHubApp>().Which.Issuer.Should().Be("Iv23liClientId");
        ((GitHubApp)credentials!).Dispose();
    }

    [Fact]
    public async Task The_App_wins_over_a_token_when_both_are_set()
    {
        _run.Environment["GITHUB_TOKEN"] = "ghp_personal";
        _run.Environment["GITHUB_APP_PRIVATE_KEY"] = Pem;

        var credentials = await ResolveAsync("--github-app-id", "12345");

        credentials.Should().BeOfType<GitHubApp>();
        ((GitHubApp)credentials!).Dispose();
    }

    [Fact]
    public async Task An_App_ID_without_a_key_fails_and_names_the_missing_parameter()
    {
        var build = new CredentialsBuild();

        await _run.RunAsync(build, "Resolve", "--github-app-id", "12345");

        build.Error.Should().BeOfType<BuildException>().Which.Message.Should().Contain("--github-app-private-key is not");
    }

    [Fact]
    public async Task A_key_that_is_neither_PEM_nor_a_file_fails_without_echoing_it()
    {
        var build = new CredentialsBuild();

        await _run.RunAsync(build, "Resolve", "--github-app-id", "12345", "--github-app-private-key", "not-a-key-value");

        var message = build.Error.Should().BeOfType<BuildException>().Which.Message;
        message.Should().Contain("neither PEM text nor an existing .pem file");
        message.Should().NotContain("not-a-key-value");
    }

    [Theory]
    [InlineData("ghp_classic", GitHubCredentialKind.PersonalAccessToken)]
    [InlineData("github_pat_fine", GitHubCredentialKind.FineGrainedPersonalAccessToken)]
    public async Task Without_an_App_a_token_is_a_personal_access_token_of_its_kind(string token, GitHubCredentialKind kind)
    {
        var credentials = await ResolveAsync("--gitops-token", token);

        credentials.Should().BeOfType<GitHubToken>().Which.Kind.Should().Be(kind);
    }

    [Fact]
    public async Task The_workflow_token_on_GitHub_Actions_is_the_Actions_token()
    {
        _run.Environment["GITHUB_ACTIONS"] = "true";
        _run.Environment["GITHUB_TOKEN"] = "ghs_workflow";

        var credentials = await ResolveAsync();

        credentials.Should().BeOfType<GitHubToken>().Which.Kind.Should().Be(GitHubCredentialKind.ActionsToken);
    }

    [Fact]
    public async Task A_different_token_passed_on_GitHub_Actions_stays_a_personal_access_token()
    {
        _run.Environment["GITHUB_ACTIONS"] = "true";
        _run.Environment["GITHUB_TOKEN"] = "ghs_workflow";

        var credentials = await ResolveAsync("--gitops-token", "ghp_personal");

        credentials.Should().BeOfType<GitHubToken>().Which.Kind.Should().Be(GitHubCredentialKind.PersonalAccessToken);
    }

    [Fact]
    public async Task A_placeholder_token_is_refused_with_the_gh_secret_pitfall_named()
    {
        var build = new CredentialsBuild();

        await _run.RunAsync(build, "Resolve", "--gitops-token", "-");

        build.Error.Should().BeOfType<BuildException>().Which.Message.Should().Contain("--gitops-token holds 1 character(s)").And.Contain("gh secret set NAME --body -");
    }

    [Fact]
    public async Task Neither_App_nor_token_gives_no_credentials()
    {
        var credentials = await ResolveAsync();

        credentials.Should().BeNull();
    }

    private async Task<IGitHubCredentials?> ResolveAsync(params string[] arguments)
    {
        var build = new CredentialsBuild();
        var outcome = await _run.RunAsync(build, ["Resolve", .. arguments]);
        outcome.ExitCode.Should().Be(BuildOutcome.Success, _run.Output);
        build.Error.Should().BeNull();
        return build.Credentials;
    }

    private static string CreatePem()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportRSAPrivateKeyPem();
    }

    public void Dispose() => _run.Dispose();

    private sealed class CredentialsBuild : PipelineBuild, IHazGitHubAccess
    {
        public IGitHubCredentials? Credentials { get; private set; }

        public Exception? Error { get; private set; }

        Target Resolve => _ => _.Executes(() =>
        {
            try
            {
                Credentials = GitHubCredentials.From(this);
            }
            catch (BuildException exception)
            {
                Error = exception;
            }
        });
    }
}
