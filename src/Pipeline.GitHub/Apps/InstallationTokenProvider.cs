namespace Pipeline.GitHub;

/// <summary>
/// Installation-token credentials that mint a new token before the current one expires (tokens live one hour),
/// so a long build never sends an expired token. Safe to share between concurrent requests.
/// </summary>
public sealed class InstallationTokenProvider : IGitHubCredentials, IDisposable
{
    /// <summary>How long before expiry a token is replaced, unless told otherwise: 5 minutes.</summary>
    public static readonly TimeSpan DefaultRenewBefore = TimeSpan.FromMinutes(5);

    private readonly IAppsClient _apps;
    private readonly InstallationTokenScope? _scope;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private InstallationToken? _current;

    /// <summary>Creates a provider for an installation.</summary>
    /// <param name="apps">An Apps client authenticated as the App.</param>
    /// <param name="installationId">The installation.</param>
    /// <param name="scope">The repositories and permissions each token is limited to; null for all of the installation's.</param>
    /// <param name="timeProvider">The clock that decides when a token is due for renewal.</param>
    /// <param name="renewBefore">How long before expiry to renew; default <see cref="DefaultRenewBefore"/>.</param>
    public InstallationTokenProvider(IAppsClient apps, long installationId, InstallationTokenScope? scope = null, TimeProvider? timeProvider = null, TimeSpan? renewBefore = null)
    {
        _apps = apps ?? throw new ArgumentNullException(nameof(apps));
        InstallationId = installationId;
        _scope = scope;
        _time = timeProvider ?? TimeProvider.System;
        RenewBefore = renewBefore ?? DefaultRenewBefore;
    }

    /// <summary>The installation tokens are minted for.</summary>
    public long InstallationId { get; }

    /// <summary>How long before expiry a token is replaced.</summary>
    public TimeSpan RenewBefore { get; }

    /// <inheritdoc />
    public GitHubCredentialKind Kind => GitHubCredentialKind.InstallationToken;

    /// <summary>A provider for the App's installation on <paramref name="repository"/>.</summary>
    public static async Task<InstallationTokenProvider> ForRepositoryAsync(
        IAppsClient apps, RepositoryId repository, InstallationTokenScope? scope = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apps);
        var installation = await apps.GetRepositoryInstallationAsync(repository, cancellationToken).ConfigureAwait(false);
        return new InstallationTokenProvider(apps, installation.Id, scope, timeProvider);
    }

    /// <inheritdoc />
    public async ValueTask<Secret> GetTokenAsync(CancellationToken cancellationToken = default) =>
        (await GetInstallationTokenAsync(cancellationToken).ConfigureAwait(false)).Token;

    /// <summary>The current token, minting a new one first when it is missing or due for renewal.</summary>
    public async Task<InstallationToken> GetInstallationTokenAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is null || _current.ExpiresAt - _time.GetUtcNow() <= RenewBefore)
            {
                _current = await _apps.CreateInstallationTokenAsync(InstallationId, _scope, cancellationToken).ConfigureAwait(false);
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Revokes the current token, if any; the next request mints a new one.</summary>
    public async Task RevokeAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { } token)
            {
                _current = null;
                await _apps.RevokeInstallationTokenAsync(token.Token, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"installation {InstallationId} token {Secret.Mask}";
}
