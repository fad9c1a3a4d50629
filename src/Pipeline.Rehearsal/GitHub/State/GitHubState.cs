using System.Collections.Concurrent;

namespace Pipeline.Rehearsal.GitHub.State;

/// <summary>Everything the server knows besides the git objects: accounts, repositories, Apps, tokens, events.</summary>
internal sealed partial class GitHubState(string dataDirectory, LocalGitHubServerOptions options)
{
    private readonly Dictionary<string, RepositoryState> _repositories = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, AccountState> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private long _nextId = 1000;

    public string DataDirectory { get; } = dataDirectory;

    public LocalGitHubServerOptions Options { get; } = options;

    public TimeProvider Clock { get; } = options.TimeProvider ?? TimeProvider.System;

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>The server's own base address (<c>http://127.0.0.1:port/</c>), set once Kestrel has bound.</summary>
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1/");

    public ConcurrentQueue<RecordedDispatch> Dispatches { get; } = new();

    /// <summary>The key GitHub's own commits (web-flow) are signed with.</summary>
    public Signing.WebFlowSigner Signer { get; } = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public long NextId() => Interlocked.Increment(ref _nextId);

    public string RepositoryPath(string owner, string name) =>
        Path.Combine(DataDirectory, owner.ToLowerInvariant(), name.ToLowerInvariant() + ".git");

    public AccountState Account(string login, string type = "User")
    {
        lock (_accounts)
        {
            if (!_accounts.TryGetValue(login, out var account))
            {
                account = new AccountState(NextId(), login, type);
                _accounts[login] = account;
            }

            return account;
        }
    }

    public AccountState? FindAccount(string login)
    {
        lock (_accounts)
        {
            return _accounts.GetValueOrDefault(login);
        }
    }

    public RepositoryState? FindRepository(string owner, string name)
    {
        lock (_repositories)
        {
            return _repositories.GetValueOrDefault(owner + "/" + name);
        }
    }

    public RepositoryState? FindRepository(long id)
    {
        lock (_repositories)
        {
            return _repositories.Values.FirstOrDefault(r => r.Id == id);
        }
    }

    public IReadOnlyList<RepositoryState> RepositoriesOf(AccountState owner)
    {
        lock (_repositories)
        {
            return _repositories.Values.Where(r => r.Owner == owner).OrderBy(r => r.Id).ToList();
        }
    }

    public IReadOnlyList<RepositoryState> AllRepositories()
    {
        lock (_repositories)
        {
            return _repositories.Values.OrderBy(r => r.Id).ToList();
        }
    }

    /// <summary>A pull request by its GraphQL node ID, with its repository.</summary>
    public (RepositoryState Repository, PullRequestState PullRequest)? FindPullRequest(string nodeId)
    {
        foreach (var repository in AllRepositories())
        {
            lock (repository.PullRequests)
            {
                if (repository.PullRequests.FirstOrDefault(p => p.NodeId == nodeId) is { } pull)
                {
                    return (repository, pull);
                }
            }
        }

        return null;
    }

    public RepositoryState? FindRepositoryByNodeId(string nodeId)
    {
        lock (_repositories)
        {
            return _repositories.Values.FirstOrDefault(r => r.NodeId == nodeId);
        }
    }

    public async Task<RepositoryState> CreateRepositoryAsync(string owner, string name, string defaultBranch,
        CancellationToken ct)
    {
        var path = RepositoryPath(owner, name);
        lock (_repositories)
        {
            if (_repositories.ContainsKey(owner + "/" + name))
            {
                throw new InvalidOperationException(
                    $"Repository '{owner}/{name}' already exists on this server. Use another name or the existing one.");
            }
        }

        var git = await BareRepository.InitAsync(path, defaultBranch, ct);
        await ProtectionHook.InstallAsync(path, ct);
        var repository = new RepositoryState(NextId(), Account(owner), name, defaultBranch, git, Now, Signer);
        lock (_repositories)
        {
            _repositories[owner + "/" + name] = repository;
        }

        return repository;
    }
}
