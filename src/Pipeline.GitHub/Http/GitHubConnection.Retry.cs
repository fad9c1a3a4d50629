using System.Runtime.CompilerServices;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.Retries;
using Polly;
using Polly.Retry;

namespace Pipeline.GitHub.Http;

internal sealed partial class GitHubConnection
{
    private static readonly ResiliencePropertyKey<GitHubRequest> RequestKey = new("Pipeline.GitHub.Request");
    private static readonly ResiliencePropertyKey<RetryDecision> DecisionKey = new("Pipeline.GitHub.RetryDecision");
    private static readonly ResiliencePropertyKey<long> StartedKey = new("Pipeline.GitHub.Started");

    /// <summary>Sends the request with bounded retries; returns a successful answer or throws the table's exception.</summary>
    public async Task<GitHubResponse> SendAsync(GitHubRequest request, CancellationToken cancellationToken)
    {
        var app = (request.Credentials ?? Options.Credentials) as GitHubApp;
        var offset = app?.ClockOffset;
        try
        {
            return await SendWithRetriesAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (GitHubAuthenticationException) when (app is not null && app.ClockOffset != offset)
        {
            // GitHub refused a JWT dated by a clock its Date header shows to be off: once more, dated by GitHub's clock.
            return await SendWithRetriesAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<GitHubResponse> SendWithRetriesAsync(GitHubRequest request, CancellationToken cancellationToken)
    {
        var credentials = request.Credentials ?? Options.Credentials;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        context.Properties.Set(StartedKey, Options.TimeProvider.GetTimestamp());
        var attempts = 0;
        var sent = new StrongBox<Secret?>();
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                async (ctx, state) =>
                {
                    attempts++;
                    try
                    {
                        return Outcome.FromResult(await state.SendOnceAsync(request, credentials, sent, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception e) when (!ctx.CancellationToken.IsCancellationRequested && e is not GitHubException)
                    {
                        return Outcome.FromException<GitHubResponse>(e);
                    }
                },
                context,
                this).ConfigureAwait(false);

            if (outcome.Exception is { } exception)
            {
                if (exception is OperationCanceledException or GitHubException)
                {
                    outcome.ThrowIfException();
                }

                throw new GitHubServerException(
                    $"{request.Describe()} got no answer from {Options.Endpoint.Api.Host} after {attempts} attempt(s): {exception.Message} " +
                    "Check the API address, the network and any proxy; if GitHub is slow, raise GitHubClientOptions.AttemptTimeout.",
                    null, exception);
            }

            var response = outcome.Result!;
            if (IsFailure(request, response))
            {
                throw Failure(request, response, credentials.Kind, sent.Value, attempts);
            }

            return response;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static bool IsFailure(GitHubRequest request, GitHubResponse response) =>
        !response.IsSuccess || (request.IsGraphQL && GitHubErrorBody.Parse(response.Body).Errors.Count > 0);

    private GitHubException Failure(GitHubRequest request, GitHubResponse response, GitHubCredentialKind kind, Secret? token, int attempts)
    {
        var body = GitHubErrorBody.Parse(response.Body);
        var info = new GitHubResponseInfo(
            request.Method.Method,
            request.Path,
            response.Status,
            response.Headers.RequestId,
            Redact(body.Message, token),
            body.DocumentationUrl,
            body.Errors.Select(e => e with { Message = Redact(e.Message, token) }).ToList())
        {
            MovedTo = response.MovedTo,
        };
        var context = new GitHubErrorContext(request, info, response.Headers, kind, Options.TimeProvider.GetUtcNow(), attempts);
        return GitHubErrorTable.Create(context);
    }

    /// <summary>
    /// Should an answer ever echo a credential, in any form, it does not reach a message: <paramref name="token"/>
    /// joined the process's registry when it was created, with every other secret the process holds.
    /// </summary>
    private static string? Redact(string? text, Secret? token) => SecretRegistry.Shared.Redact(text);

    private static ResiliencePipeline<GitHubResponse> BuildPipeline(GitHubClientOptions options)
    {
        if (options.Retry.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        if (options.Retry.MaxAttempts is 1)
        {
            return ResiliencePipeline<GitHubResponse>.Empty;
        }

        return new ResiliencePipelineBuilder<GitHubResponse> { TimeProvider = options.TimeProvider }
            .AddRetry(new RetryStrategyOptions<GitHubResponse>
            {
                MaxRetryAttempts = options.Retry.MaxAttempts is { } most ? most - 1 : int.MaxValue,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context, args.Outcome, args.AttemptNumber, options)),
                DelayGenerator = async args =>
                {
                    if (!args.Context.Properties.TryGetValue(DecisionKey, out var decision))
                    {
                        return TimeSpan.Zero;
                    }

                    if (decision.Delay < RateLimitCountdown.From)
                    {
                        return decision.Delay;
                    }

                    // A long wait (a rate-limit reset minutes away) counts down in the log rather than sleeping silently.
                    await RateLimitCountdown.WaitAsync(decision.Delay, decision.Reason, options, args.Context.CancellationToken).ConfigureAwait(false);
                    return TimeSpan.Zero;
                },
                OnRetry = args =>
                {
                    var request = args.Context.Properties.GetValue(RequestKey, null!);
                    var reason = args.Context.Properties.TryGetValue(DecisionKey, out var decision) ? decision.Reason : "failure";
                    GitHubLog.Retrying(options.Logger, request.Method.Method, request.Path, args.AttemptNumber + 1, reason, (long)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    private static bool ShouldRetry(ResilienceContext context, Outcome<GitHubResponse> outcome, int attempt, GitHubClientOptions options)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var request = context.Properties.GetValue(RequestKey, null!);
        RetryDecision decision;
        if (outcome.Exception is { } exception)
        {
            decision = RetryClassifier.Classify(request, exception, attempt, options.Retry);
        }
        else if (IsFailure(request, outcome.Result!))
        {
            decision = RetryClassifier.Classify(request, outcome.Result!, attempt, options.TimeProvider.GetUtcNow(), options.Retry);
        }
        else
        {
            return false;
        }

        var elapsed = options.TimeProvider.GetElapsedTime(context.Properties.GetValue(StartedKey, 0L));
        if (decision.Retry && !options.Retry.Allows(attempt + 1, elapsed, decision.Delay))
        {
            decision = RetryDecision.No($"{decision.Reason}: waiting {decision.Delay.TotalSeconds:0.#} s more would overrun the retry budget of {options.Retry.Budget?.TotalSeconds:0.#} s");
        }

        context.Properties.Set(DecisionKey, decision);
        if (!decision.Retry)
        {
            GitHubLog.NotRetried(options.Logger, request.Method.Method, request.Path, decision.Reason);
        }

        return decision.Retry;
    }
}
