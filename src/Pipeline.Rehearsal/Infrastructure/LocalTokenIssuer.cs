using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Pipeline.Rehearsal.Infrastructure;

/// <summary>
/// The token endpoint of a registry with Bearer authentication (as ghcr.io and Docker Hub use): checks Basic
/// credentials against its users and answers with a JWT signed by a self-signed certificate, carried in the
/// <c>x5c</c> header, that the registry trusts through its <c>rootcertbundle</c>.
/// See https://distribution.github.io/distribution/spec/auth/jwt/.
/// </summary>
internal sealed class LocalTokenIssuer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly RSA _key = RSA.Create(2048);
    private readonly X509Certificate2 _certificate;
    private readonly IReadOnlyDictionary<string, string> _users;
    private readonly Task _loop;

    public LocalTokenIssuer(IReadOnlyDictionary<string, string> users)
    {
        _users = users;
        var request = new CertificateRequest("CN=pipeline-local-token-issuer", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Port = LocalProcess.FreeLoopbackPort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public const string Service = "pipeline-local-registry";

    public const string Issuer = "pipeline-local-token-issuer";

    public int Port { get; }

    public string Realm => $"http://127.0.0.1:{Port}/token";

    /// <summary>The certificate the registry trusts, as PEM.</summary>
    public string CertificatePem => _certificate.ExportCertificatePem();

    public async ValueTask DisposeAsync()
    {
        // Close alone: Stop then Close unregisters the prefix twice, and the second time binds the port again (and
        // fails when another process took it meanwhile).
        _listener.Close();
        await _loop.ConfigureAwait(false);
        _certificate.Dispose();
        _key.Dispose();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var response = context.Response;
            var user = Authenticate(context.Request.Headers["Authorization"]);
            if (user is { Length: 0 })
            {
                response.StatusCode = 401;
                await WriteAsync(response, """{"errors":[{"code":"UNAUTHORIZED","message":"invalid user name or password"}]}""").ConfigureAwait(false);
                continue;
            }

            var scopes = context.Request.QueryString.GetValues("scope") ?? [];
            var token = Sign(user, user is null ? [] : scopes);
            await WriteAsync(response, JsonSerializer.Serialize(new Dictionary<string, object> { ["token"] = token, ["access_token"] = token, ["expires_in"] = 300 })).ConfigureAwait(false);
        }
    }

    /// <summary>The user name; null for anonymous; empty when the credentials are wrong.</summary>
    private string? Authenticate(string? header)
    {
        if (header is null || !header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return null;
        }

        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..]));
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        var (user, password) = colon < 0 ? (decoded, string.Empty) : (decoded[..colon], decoded[(colon + 1)..]);
        return _users.TryGetValue(user, out var expected) && expected == password ? user : string.Empty;
    }

    private string Sign(string? subject, IEnumerable<string> scopes)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var access = scopes.Select(s => s.Split(':')).Where(p => p.Length == 3)
            .Select(p => new Dictionary<string, object> { ["type"] = p[0], ["name"] = p[1], ["actions"] = p[2].Split(',') }).ToArray();
        var header = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["typ"] = "JWT", ["alg"] = "RS256", ["x5c"] = new[] { Convert.ToBase64String(_certificate.RawData) } });
        var claims = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = Issuer, ["sub"] = subject ?? string.Empty, ["aud"] = Service, ["exp"] = now + 300, ["nbf"] = now - 10, ["iat"] = now,
            ["jti"] = Guid.NewGuid().ToString("N"), ["access"] = access,
        });
        var signingInput = $"{Base64Url(header)}.{Base64Url(claims)}";
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static async Task WriteAsync(HttpListenerResponse response, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
    }
}
