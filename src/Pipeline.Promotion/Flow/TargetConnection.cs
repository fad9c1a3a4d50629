using Microsoft.Extensions.Logging;
using Pipeline.GitHub;
using Pipeline.Promotion.Writers;

namespace Pipeline.Promotion;

/// <summary>An opened GitOps repository: the writer, and for a GitHub target the API client (pull requests, dispatches).</summary>
internal sealed partial class TargetConnection : IAsyncDisposable
{
    private readonly Owned _owned;
    private ILogger _log = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    private TargetConnection(IPromotionWriter writer, IGitHubClient? client, RepositoryId? repository, Owned owned)
    {
        _owned = owned;
        Writer = writer;
        Client = client;
        Repository = repository;
    }

    public IPromotionWriter Writer { get; private set; }

    public IGitHubClient? Client { get; }

    public RepositoryId? Repository { get; }

    public string Describe => Repository?.ToString() ?? Writer.Repository;

    public IGitHubClient RequireClient(string purpose) =>
        Client ?? throw new PromotionRequestException($"{purpose} needs a repository on GitHub (owner/name); {Writer.Repository} is a {Writer.Method.ToName()} target.");

    public static async Task<TargetConnection> OpenAsync(PromotionSettings request, WriteMethod method, PromoterOptions options, CancellationToken cancellationToken)
    {
        var target = request.Target;
        Check(target, method);
        switch (target.Kind)
        {
            case PromotionTargetKind.Directory:
                return Wrap(new TargetConnection(new WorktreeWriter(target.Location), null, null, new Owned()), options);
            case PromotionTargetKind.GitUrl:
                var pushers = new Owned();
                var credentials = request.Credentials is { Kind: GitHubCredentialKind.AppJwt } app
                    ? await GitUrlInstallationAsync(target, app, options, pushers, cancellationToken).ConfigureAwait(false)
                    : request.Credentials;
                return Wrap(new TargetConnection(new GitWriter(target.Location, Token(credentials), request.Committer), null, null, pushers), options);
        }

        var repository = target.Repository!;
        var owned = new Owned();
        var client = await GitHubClientAsync(target.Endpoint!, repository, request.Credentials, options, owned, cancellationToken).ConfigureAwait(false);
        IPromotionWriter writer = method switch
        {
            WriteMethod.GitData => new GitDataWriter(client, repository),
            WriteMethod.Contents => new ContentsWriter(client, repository),
            WriteMethod.Git => new GitWriter(await CloneUrlAsync(client, repository, cancellationToken).ConfigureAwait(false),
                Token(client.Options.Credentials), request.Committer, repository.ToString()),
            _ => new GraphQLWriter(client, repository),
        };
        return Wrap(new TargetConnection(writer, client, repository, owned), options);
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync().ConfigureAwait(false);
        await RevokeTokensAsync().ConfigureAwait(false);
        _owned.Dispose();
    }

    private static TargetConnection Wrap(TargetConnection connection, PromoterOptions options)
    {
        connection._log = options.Logger;
        if (options.InterceptWriter is { } intercept)
        {
            connection.Writer = intercept(connection.Writer);
        }

        return connection;
    }

    private static void Check(PromotionTarget target, WriteMethod method)
    {
        var fits = (target.Kind, method) switch
        {
            (PromotionTargetKind.GitHub, not WriteMethod.Worktree) => true,
            (PromotionTargetKind.GitUrl, WriteMethod.Git) => true,
            (PromotionTargetKind.Directory, WriteMethod.Worktree) => true,
            _ => false,
        };
        if (!fits)
        {
            throw new PromotionRequestException(
                $"--write-method {method.ToName()} cannot write to {target} ({target.Kind}): graphql, git-data, contents and dispatch need owner/name on a GitHub API, "
                + "git needs a git URL or owner/name, worktree needs a local directory.");
        }
    }

    private static async Task<string> CloneUrlAsync(IGitHubClient client, RepositoryId repository, CancellationToken cancellationToken) =>
        (await client.Repositories.GetAsync(repository, cancellationToken).ConfigureAwait(false)).CloneUrl
        ?? throw new PromotionRequestException($"GitHub did not say where to clone {repository} from; pass its git URL as the target instead.");

    /// <summary>What a connection made for itself: clients and token providers to dispose, newest first, and the token providers whose tokens to revoke.</summary>
    private sealed class Owned : IDisposable
    {
        private readonly List<IDisposable> _disposables = [];
        private readonly List<InstallationTokenProvider> _tokens = [];

        public IReadOnlyList<InstallationTokenProvider> Tokens => _tokens;

        public T Add<T>(T disposable) where T : IDisposable
        {
            _disposables.Add(disposable);
            return disposable;
        }

        public InstallationTokenProvider AddTokens(InstallationTokenProvider tokens)
        {
            _tokens.Add(tokens);
            return Add(tokens);
        }

        public void Dispose()
        {
            foreach (var disposable in Enumerable.Reverse(_disposables))
            {
                disposable.Dispose();
            }
        }
    }
}
