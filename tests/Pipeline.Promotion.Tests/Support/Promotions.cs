using Pipeline.Containers;
using Pipeline.GitHub;

namespace Pipeline.Promotion.Tests.Support;

/// <summary>Requests and promoters for tests: retries without sleeping (delays are recorded), a fixed jitter seed.</summary>
public sealed class Promotions(GitOpsServer github)
{
    public List<TimeSpan> Delays { get; } = [];

    public Promoter Promoter(Func<IPromotionWriter, IPromotionWriter>? intercept = null) => new(new PromoterOptions
    {
        Delay = (delay, _) =>
        {
            lock (Delays)
            {
                Delays.Add(delay);
            }

            return Task.CompletedTask;
        },
        Random = new Random(7),
        InterceptWriter = intercept,
    });

    public PromotionRequest Request(RepositoryId repository, PromotionSpec spec, ImageReference image, WriteMethod method = WriteMethod.GraphQL, IGitHubCredentials? credentials = null) =>
        new(github.Target(repository), image)
        {
            Spec = spec,
            WriteMethod = method,
            Credentials = credentials ?? github.UserCredentials,
            Source = new PromotionSource("source-org/app", "1111111111111111111111111111111111111111") { Branch = "main", Message = "Add the login page\n\nLong description." },
            CiRunUrl = "https://ci.example/runs/42",

            // The source commit above is made up, so no history knows it: the guards are off unless a test turns them on.
            AllowMovedSource = true,
            Rollback = true,
        };

    public static PromotionSpec SimpleSpec(string extra = "", string path = "values.yaml", string edit = "helm: image.tag") => PromotionSpec.Parse($$"""
        apps:
          app:
            image: ghcr.io/org/app
        {{extra}}
            environments:
              prod:
                files:
                  - path: {{path}}
                    {{edit}}
        """);
}

/// <summary>A writer that runs an action after each read, to stage a competing writer between read and write.</summary>
internal sealed class AfterReadWriter(IPromotionWriter inner, Func<int, RepositorySnapshot, Task> afterRead) : IPromotionWriter
{
    private int _reads;

    public WriteMethod Method => inner.Method;

    public string Repository => inner.Repository;

    public bool SupportsBranches => inner.SupportsBranches;

    public int Commits { get; private set; }

    public Task<string> GetDefaultBranchAsync(CancellationToken cancellationToken = default) => inner.GetDefaultBranchAsync(cancellationToken);

    public async Task<RepositorySnapshot> ReadAsync(string branch, IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        var snapshot = await inner.ReadAsync(branch, paths, cancellationToken);
        await afterRead(Interlocked.Increment(ref _reads), snapshot);
        return snapshot;
    }

    public async Task<string?> CommitAsync(RepositorySnapshot basis, IReadOnlyList<FileContent> files, CommitMessage message, CancellationToken cancellationToken = default)
    {
        Commits++;
        return await inner.CommitAsync(basis, files, message, cancellationToken);
    }

    public IAsyncEnumerable<HistoryCommit> ReadHistoryAsync(string commit, IReadOnlyList<string> paths, int limit, CancellationToken cancellationToken = default) =>
        inner.ReadHistoryAsync(commit, paths, limit, cancellationToken);

    public Task<string?> GetBranchHeadAsync(string branch, CancellationToken cancellationToken = default) => inner.GetBranchHeadAsync(branch, cancellationToken);

    public Task CreateBranchAsync(string branch, string sha, CancellationToken cancellationToken = default) => inner.CreateBranchAsync(branch, sha, cancellationToken);

    public Task DeleteBranchAsync(string branch, CancellationToken cancellationToken = default) => inner.DeleteBranchAsync(branch, cancellationToken);

    public Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken = default) => inner.IsAncestorAsync(ancestor, descendant, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
