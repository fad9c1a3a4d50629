namespace Pipeline.Rehearsal.GitHub.State;

/// <summary>One hosted repository: its bare git repository plus what GitHub keeps beside it.</summary>
internal sealed class RepositoryState(long id, AccountState owner, string name, string defaultBranch,
    BareRepository git, DateTimeOffset createdAt, Signing.WebFlowSigner signer)
{
    public long Id { get; } = id;

    public AccountState Owner { get; } = owner;

    public string Name { get; } = name;

    public string FullName => Owner.Login + "/" + Name;

    public string NodeId => NodeIds.For("R_kgDO", Id);

    public string DefaultBranch { get; } = defaultBranch;

    public BareRepository Git { get; } = git;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset PushedAt { get; set; } = createdAt;

    /// <summary>Serializes writes so that read-modify-write sequences see each other.</summary>
    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    public Dictionary<string, BranchProtection> Protections { get; } = new(StringComparer.Ordinal);

    public List<PullRequestState> PullRequests { get; } = [];

    public int NextIssueNumber { get; set; } = 1;

    /// <summary>Labels by name (case-insensitive), created on first use.</summary>
    public Dictionary<string, LabelState> Labels { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Check conclusions by commit sha, then check name.</summary>
    public Dictionary<string, Dictionary<string, CheckConclusion>> Checks { get; } = new(StringComparer.Ordinal);

    /// <summary>Signs the commits GitHub itself commits (web-flow), and verifies them.</summary>
    public Signing.WebFlowSigner Signer { get; } = signer;

    /// <summary>Signs the tokens of <c>download_url</c> links (GitHub puts one in the link of a private repository's file).</summary>
    public byte[] DownloadKey { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    /// <summary>Check runs by commit sha, oldest first.</summary>
    public Dictionary<string, List<CheckRunState>> CheckRuns { get; } = new(StringComparer.Ordinal);

    /// <summary>Commit statuses by commit sha, oldest first.</summary>
    public Dictionary<string, List<StatusState>> Statuses { get; } = new(StringComparer.Ordinal);

    public async Task<IDisposable> LockAsync(CancellationToken ct)
    {
        await WriteLock.WaitAsync(ct);
        return new Releaser(WriteLock);
    }

    public BranchProtection? ProtectionOf(string branch)
    {
        lock (Protections)
        {
            return Protections.GetValueOrDefault(branch);
        }
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}

/// <summary>A repository label.</summary>
internal sealed record LabelState(long Id, string Name, string Color, string? Description);

/// <summary>A user, organisation or App bot account.</summary>
internal sealed record AccountState(long Id, string Login, string Type)
{
    public string NodeId => NodeIds.For(Type == "Bot" ? "BOT_kgDO" : Type == "Organization" ? "O_kgDO" : "U_kgDO", Id);
}

/// <summary>Builds opaque GraphQL global node IDs in GitHub's new format (prefix + base64 of the database ID).</summary>
internal static class NodeIds
{
    public static string For(string prefix, long id) =>
        prefix + Convert.ToBase64String(BitConverter.GetBytes(id)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A node ID derived from a string key (a commit sha, a ref name).</summary>
    public static string ForSha(string prefix, string key) =>
        prefix + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
