using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>
/// The local stand-ins of the outside world that a rehearsal runs against: a Docker engine, a registry on loopback,
/// and a GitHub API server holding the GitOps repository with a registered GitHub App. Pipeline.Rehearsal provides
/// one (<c>LocalRehearsalInfrastructure</c>); a build hands it to <see cref="IRehearse"/>.
/// </summary>
public interface IRehearsalInfrastructure
{
    /// <summary>Starts what is not running and opens (or seeds) the GitOps repository; dispose the result to stop what was started.</summary>
    Task<RehearsalEnvironment> StartAsync(RehearsalSettings settings, CancellationToken cancellationToken);
}

/// <summary>What a rehearsal asks of its infrastructure.</summary>
/// <param name="StateDirectory">Where state lives between runs (registry storage, repositories, the App's key).</param>
/// <param name="GitOpsSeed">The files of the GitOps repository's first commit.</param>
/// <param name="RegistryPort">The loopback port of the registry (the image name in the spec names it).</param>
public sealed record RehearsalSettings(AbsolutePath StateDirectory, AbsolutePath GitOpsSeed, int RegistryPort)
{
    /// <summary>The GitOps repository's owner on the local server.</summary>
    public string GitOpsOwner { get; init; } = "rehearsal";

    /// <summary>The GitOps repository's name on the local server.</summary>
    public string GitOpsName { get; init; } = "gitops";

    /// <summary>The GitOps repository's default branch, protected so that only the App may commit to it directly.</summary>
    public string GitOpsBranch { get; init; } = "main";

    /// <summary>Seed the GitOps repository again even though it exists: its seed changed since the last rehearsal.</summary>
    public bool Reseed { get; init; }

    /// <summary>Where the infrastructure says what it does (installs, starts, stops).</summary>
    public IProgress<string>? Output { get; init; }
}

/// <summary>A running rehearsal infrastructure. Disposing it stops what it started; state stays on disk.</summary>
public sealed class RehearsalEnvironment : IAsyncDisposable
{
    private readonly Func<ValueTask> _stop;

    /// <summary>Creates the description of a running infrastructure.</summary>
    public RehearsalEnvironment(Uri gitHubApiUrl, string gitOpsRepository, string gitOpsBareRepository, string appId, string appPrivateKeyPem, Func<ValueTask> stop)
    {
        GitHubApiUrl = gitHubApiUrl;
        GitOpsRepository = gitOpsRepository;
        GitOpsBareRepository = gitOpsBareRepository;
        AppId = appId;
        AppPrivateKeyPem = appPrivateKeyPem;
        _stop = stop;
    }

    /// <summary>The local GitHub API server's REST base URL.</summary>
    public Uri GitHubApiUrl { get; }

    /// <summary>The GitOps repository, <c>owner/name</c>.</summary>
    public string GitOpsRepository { get; }

    /// <summary>The bare git repository behind it, for checks that read what landed.</summary>
    public string GitOpsBareRepository { get; }

    /// <summary>The ID of the GitHub App installed on the GitOps repository and allowed to bypass its protection.</summary>
    public string AppId { get; }

    /// <summary>The App's private key (PEM). A secret: mask it before it can be printed.</summary>
    public string AppPrivateKeyPem { get; }

    /// <summary>True when this start created the GitOps repository from the seed (the first rehearsal).</summary>
    public bool Seeded { get; init; }

    /// <summary>
    /// The <c>repository_dispatch</c> events the GitOps repository received since the infrastructure started, each as
    /// the event file a workflow run gets in <c>$GITHUB_EVENT_PATH</c>.
    /// </summary>
    public Func<IReadOnlyList<string>> ReceivedDispatches { get; init; } = () => [];

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _stop();
}
