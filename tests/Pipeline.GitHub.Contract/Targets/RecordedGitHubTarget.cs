using Octokit;
using Octokit.Internal;

namespace GitHubContract.Targets;

/// <summary>GitHub as its documented examples answer (<c>Recorded/api.github.com.json</c>), replayed in process to Octokit.</summary>
public sealed class RecordedGitHubTarget : ContractTarget
{
    public RecordedGitHub Recorded { get; } = RecordedGitHub.Load();

    public override Scene Scene { get; } = Scene.Documented("master");

    public override IGitHubClient User => Client("ghp_recorded");

    public override IGitHubClient App => Client("eyJ.recorded.jwt");

    public override IGitHubClient WithToken(string token) => Client(token);

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync() => Task.CompletedTask;

    private GitHubClient Client(string token) => new(new Connection(Product, GitHubClient.GitHubApiUrl,
        new InMemoryCredentialStore(new Credentials(token)), new HttpClientAdapter(() => Recorded.Handler()), new SimpleJsonSerializer()));
}
