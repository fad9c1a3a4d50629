using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Pipeline.GitHub.Retries;
using Polly;

namespace Pipeline.GitHub.Http;

/// <summary>
/// Sends API calls: explicit Authorization header on every attempt, bounded retries, one error table.
/// Shared by every area client of one <see cref="GitHubClient"/>.
/// </summary>
internal sealed partial class GitHubConnection
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    /// <summary>How many redirects one attempt follows (GitHub sends one for a renamed or transferred repository).</summary>
    private const int MaxRedirects = 5;

    private readonly HttpClient _http;
    private readonly ResiliencePipeline<GitHubResponse> _pipeline;

    public GitHubConnection(HttpClient http, GitHubClientOptions options)
    {
        _http = http;
        Options = options;
        _pipeline = BuildPipeline(options);
    }

    public GitHubClientOptions Options { get; }

    /// <summary>Sends the request and deserializes a successful answer.</summary>
    public async Task<T> SendAsync<T>(GitHubRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        Read(request, await SendAsync(request, cancellationToken).ConfigureAwait(false), type);

    /// <summary>Deserializes a successful answer; JSON of another shape is an error that names the request.</summary>
    public T Read<T>(GitHubRequest request, GitHubResponse response, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, type)
                ?? throw new JsonException("The answer was empty or null.");
        }
        catch (JsonException e)
        {
            throw new GitHubException(
                $"{request.Describe()} answered {(int)response.Status} with JSON this client cannot read ({e.Message}). " +
                $"Check that {Options.Endpoint.Api} is a GitHub REST API base address.",
                null, e);
        }
    }

    /// <summary>Serializes a request body with the source-generated metadata.</summary>
    public static byte[] Serialize<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    private async Task<GitHubResponse> SendOnceAsync(GitHubRequest request, IGitHubCredentials credentials, StrongBox<Secret?> sent, CancellationToken cancellationToken)
    {
        var origin = request.AbsoluteUri ?? new Uri(Options.Endpoint.Api, request.Path);
        var token = await credentials.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        sent.Value = token;
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (Options.AttemptTimeout is { } timeout)
        {
            attempt.CancelAfter(timeout);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var uri = origin;
            Uri? movedTo = null;
            for (var hop = 0; ; hop++)
            {
                // Credentials go only to the host the request was meant for; a redirect elsewhere is followed without them.
                using var message = Message(request, uri, SameOrigin(uri, origin) ? token : null);
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, attempt.Token).ConfigureAwait(false);
                if (IsRedirect(response) && response.Headers.Location is { } location && hop < MaxRedirects)
                {
                    movedTo = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    GitHubLog.Moved(Options.Logger, request.Method.Method, request.Path, (int)response.StatusCode, movedTo);
                    uri = movedTo;
                    continue;
                }

                var bytes = await response.Content.ReadAsByteArrayAsync(attempt.Token).ConfigureAwait(false);
                var headers = GitHubResponseHeaders.From(response.Headers, Options.TimeProvider.GetUtcNow());
                if (credentials is GitHubApp app && headers.Date is { } date && app.ObserveServerTime(date))
                {
                    GitHubLog.ClockCorrected(Options.Logger, (long)app.ClockOffset.TotalSeconds);
                }

                GitHubLog.Answered(Options.Logger, request.Method.Method, request.Path, (int)response.StatusCode,
                    (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, headers.RequestId, headers.RateLimitRemaining);
                return new GitHubResponse(response.StatusCode, bytes, headers) { MovedTo = movedTo };
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Our attempt timeout, or HttpClient.Timeout: the answer was lost, not cancelled by the caller.
            throw new AttemptTimeoutException(Options.AttemptTimeout ?? _http.Timeout);
        }
    }

    private HttpRequestMessage Message(GitHubRequest request, Uri uri, Secret? token)
    {
        var message = new HttpRequestMessage(request.Method, uri);
        if (token is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Reveal());
        }

        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        message.Headers.TryAddWithoutValidation("User-Agent", Options.UserAgent);
        message.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", Options.ApiVersion);
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = request.ContentType is { } type ? MediaTypeHeaderValue.Parse(type) : Json;
        }

        return message;
    }

    /// <summary>GitHub's redirects (301, 302, 307, 308) ask to repeat the same request at the new address.</summary>
    private static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode is 301 or 302 or 307 or 308;

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
