using System.Security.Cryptography;
using Pipeline.GitHub.Apps;

namespace Pipeline.GitHub;

/// <summary>
/// A GitHub App identity: its App ID (or client ID) and private key. As credentials it sends a JWT, which only
/// the <c>/app</c> endpoints accept; use it with <see cref="IAppsClient"/> to mint installation tokens.
/// </summary>
public sealed class GitHubApp : IGitHubCredentials, IDisposable
{
    private readonly RSA _key;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private (Secret Token, DateTimeOffset ExpiresAt)? _current;
    private TimeSpan _clockOffset;

    private GitHubApp(string issuer, RSA key, TimeProvider time)
    {
        Issuer = issuer;
        _key = key;
        _time = time;
    }

    /// <summary>The JWT <c>iss</c>: the App ID (digits) or the client ID (<c>Iv1.…</c>, <c>Iv23…</c>).</summary>
    public string Issuer { get; }

    /// <inheritdoc />
    public GitHubCredentialKind Kind => GitHubCredentialKind.AppJwt;

    /// <summary>
    /// Loads the private key from PEM text: PKCS#1 (<c>BEGIN RSA PRIVATE KEY</c>, as GitHub downloads it) or PKCS#8
    /// (<c>BEGIN PRIVATE KEY</c>). Text with literal <c>\n</c> escapes, as some secret stores keep it, is accepted.
    /// </summary>
    /// <exception cref="GitHubAppKeyException">The text is not an unencrypted RSA private key.</exception>
    public static GitHubApp FromPem(string issuer, Secret privateKeyPem, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        ArgumentNullException.ThrowIfNull(privateKeyPem);
        return new GitHubApp(issuer.Trim(), AppKey.Load(privateKeyPem.Reveal()), timeProvider ?? TimeProvider.System);
    }

    /// <summary>Loads the private key from a PEM file.</summary>
    public static GitHubApp FromPemFile(string issuer, string path, TimeProvider? timeProvider = null)
    {
        if (!File.Exists(path))
        {
            throw new GitHubAppKeyException($"The GitHub App private key file '{path}' does not exist; download a key from the App's settings page.");
        }

        return FromPem(issuer, new Secret(File.ReadAllText(path)), timeProvider);
    }

    /// <summary>
    /// How far GitHub's clock is from this machine's, as learnt from a response's <c>Date</c> header once the two
    /// differ by more than <see cref="AllowedClockSkew"/>; JWTs are dated by GitHub's clock. Zero until then.
    /// </summary>
    public TimeSpan ClockOffset
    {
        get
        {
            lock (_gate)
            {
                return _clockOffset;
            }
        }
    }

    /// <summary>How far this machine's clock may be from GitHub's before JWTs are dated by GitHub's: 60 s, the JWT's own backdating.</summary>
    public static TimeSpan AllowedClockSkew { get; } = AppJwt.Backdate;

    /// <summary>A new JWT valid from 60 s ago for 10 minutes (by GitHub's clock once <see cref="ClockOffset"/> is known).</summary>
    public Secret CreateJwt() => new(AppJwt.Create(_key, Issuer, Now()).Token);

    /// <summary>
    /// Learns GitHub's time from a response's <c>Date</c> header. When this machine's clock (corrected so far) is more
    /// than <see cref="AllowedClockSkew"/> off, later JWTs are dated by GitHub's clock and the cached one is dropped.
    /// </summary>
    /// <returns>True when the correction changed, so that a JWT GitHub refused may be sent again.</returns>
    public bool ObserveServerTime(DateTimeOffset serverTime)
    {
        lock (_gate)
        {
            var off = serverTime - Now();
            if (off.Duration() <= AllowedClockSkew)
            {
                return false;
            }

            _clockOffset += TimeSpan.FromSeconds(Math.Round(off.TotalSeconds));
            _current = null;
            return true;
        }
    }

    /// <summary>The current JWT, renewed when less than a minute of it is left.</summary>
    public ValueTask<Secret> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = Now();
            if (_current is not { } current || current.ExpiresAt - now < TimeSpan.FromMinutes(1))
            {
                var (token, expiresAt) = AppJwt.Create(_key, Issuer, now);
                _current = current = (new Secret(token), expiresAt);
            }

            return ValueTask.FromResult(current.Token);
        }
    }

    private DateTimeOffset Now() => _time.GetUtcNow() + _clockOffset;

    /// <summary>Releases the key.</summary>
    public void Dispose() => _key.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"GitHub App {Issuer}";
}
