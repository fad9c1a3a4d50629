using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Pipeline.Containers;

/// <summary>
/// A client of the OCI distribution API on <see cref="HttpClient"/>: the <c>/v2/</c> check, Bearer token and Basic
/// authentication from the registry's challenge, manifests and indexes read (digest checked against the bytes)
/// and written, registry errors decoded, and 429 and 5xx retried honouring <c>Retry-After</c>. Thread-safe.
/// </summary>
public sealed partial class RegistryClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly RegistryClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string Registry, string Scope), AuthenticationHeaderValue> _authorizations = new();

    /// <summary>Creates a client.</summary>
    public RegistryClient(RegistryClientOptions? options = null, TimeProvider? time = null)
    {
        _options = options ?? new RegistryClientOptions();
        if (_options.Retry.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _time = time ?? TimeProvider.System;
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = true,
        };
        _http = new HttpClient(handler) { Timeout = _options.RequestTimeout };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(_options.UserAgent);
    }

    /// <summary>The settings of this client.</summary>
    public RegistryClientOptions Options => _options;

    /// <summary>
    /// Calls <c>GET /v2/</c>: succeeds when the registry answers and accepts the credentials found for it
    /// (or needs none). Throws <see cref="RegistryUnreachableException"/> or <see cref="RegistryAuthenticationException"/>.
    /// </summary>
    public async Task PingAsync(string registry, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(registry, string.Empty, () => new HttpRequestMessage(HttpMethod.Get, BaseUri(registry)), cancellationToken)
            .ConfigureAwait(false);
        await EnsureSuccessAsync(response, registry, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    internal Uri BaseUri(string registry) => new($"{_options.SchemeFor(registry)}://{RegistryHosts.ApiHost(registry)}/v2/");

    private async Task<HttpResponseMessage> SendAsync(
        string registry,
        string scope,
        Func<HttpRequestMessage> createRequest,
        CancellationToken cancellationToken,
        bool answerChallenges = true)
    {
        var authorized = !answerChallenges;
        var started = _time.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            var request = createRequest();
            if (_authorizations.TryGetValue((registry, scope), out var authorization))
            {
                request.Headers.Authorization = authorization;
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
            {
                var wait = _options.Retry.DelayAfter(attempt, null, _time.GetUtcNow());
                if (IsRefused(exception) || !_options.Retry.Allows(attempt, _time.GetUtcNow() - started, wait))
                {
                    throw new RegistryUnreachableException(registry, request.Method.Method, request.RequestUri!, exception);
                }

                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && !authorized)
            {
                authorized = true;
                var challenges = AuthChallenge.ParseAll(string.Join(", ", response.Headers.WwwAuthenticate.Select(h => h.ToString())));
                response.Dispose();
                await AuthorizeAsync(registry, scope, challenges, request, cancellationToken).ConfigureAwait(false);
                attempt--;
                continue;
            }

            var delay = _options.Retry.DelayAfter(attempt, response.Headers.RetryAfter, _time.GetUtcNow());
            if (RegistryRetry.IsRetryable(response.StatusCode) && _options.Retry.Allows(attempt, _time.GetUtcNow() - started, delay))
            {
                response.Dispose();
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            return response;
        }
    }

    private static bool IsTransportFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static bool IsRefused(Exception exception) =>
        exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.AddressNotAvailable }
        || exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError };
}
