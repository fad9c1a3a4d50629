using Octokit;

namespace GitHubContract.Targets;

/// <summary>What the contract's flows run against: a GitHub that answers Octokit, with a scene set up on it.</summary>
public abstract class ContractTarget : IAsyncLifetime
{
    protected static readonly ProductHeaderValue Product = new("pipeline-github-contract");

    public abstract Scene Scene { get; }

    /// <summary>Octokit authenticated as a user with a personal access token.</summary>
    public abstract IGitHubClient User { get; }

    /// <summary>Octokit authenticated as the GitHub App (a JWT).</summary>
    public abstract IGitHubClient App { get; }

    /// <summary>Octokit authenticated with a token the flow obtained (an installation token).</summary>
    public abstract IGitHubClient WithToken(string token);

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();
}
