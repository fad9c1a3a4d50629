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
    public async Task<T> SendAsync<T>(GitHubRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
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
        var uri = request.AbsoluteUri ?? new Uri(Options.Endpoint.Api, request.Path);
        using var message = new HttpRequestMessage(request.Method, uri);
        var token = await credentials.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        sent.Value = token;
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Reveal());
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        message.Headers.TryAddWithoutValidation("User-Agent", Options.UserAgent);
        message.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", Options.ApiVersion);
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = request.ContentType is { } type ? MediaTypeHeaderValue.Parse(type) : Json;
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (Options.Retry.AttemptTimeout is { } timeout)
        {
            attempt.CancelAfter(timeout);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, attempt.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(attempt.Token).ConfigureAwait(false);
            var headers = GitHubResponseHeaders.From(response.Headers, Options.TimeProvider.GetUtcNow());
            GitHubLog.Answered(Options.Logger, request.Method.Method, request.Path, (int)response.StatusCode,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, headers.RequestId, headers.RateLimitRemaining);
            return new GitHubResponse(response.StatusCode, bytes, headers);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Our attempt timeout, or HttpClient.Timeout: the answer was lost, not cancelled by the caller.
            throw new AttemptTimeoutException(Options.Retry.AttemptTimeout ?? _http.Timeout);
        }
    }
}
