using System.Globalization;
using Pipeline.Rehearsal.GitHub.Faults;

namespace Pipeline.Rehearsal.GitHub.Hosting;

/// <summary>
/// What every request goes through: request id and GitHub's response headers, planned faults, authentication,
/// rate-limit accounting, error bodies, and the request log.
/// </summary>
internal sealed class GitHubMiddleware(RequestDelegate next, GitHubState state, FaultInjector faults, RateLimits limits)
{
    private static long _sequence;

    public async Task InvokeAsync(HttpContext context)
    {
        var at = state.Now;
        var requestId = string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessId & 0xFFFF:X4}:{Interlocked.Increment(ref _sequence):X6}:{Random.Shared.Next():X8}");
        var response = context.Response;
        response.Headers["x-github-request-id"] = requestId;
        response.Headers["x-github-api-version-selected"] = "2022-11-28";
        response.Headers["x-github-media-type"] = "github.v3; format=json";
        response.Headers.Server = "GitHub.com";
        response.Headers.Date = at.ToString("R", CultureInfo.InvariantCulture);
        var request = context.Request;
        var server = $"{request.Scheme}://{request.Host}/";
        var prefix = request.PathBase.Value?.Trim('/');
        var api = string.IsNullOrEmpty(prefix) ? server : server + prefix + "/";
        context.SetLinks(new Links(api, "https://" + state.Options.WebHost + "/", server));
        try
        {
            await ServeAsync(context);
        }
        catch (ApiErrorException error) when (!response.HasStarted)
        {
            await context.WriteErrorAsync(error);
        }
        catch (Exception error) when (!response.HasStarted && error is not OperationCanceledException)
        {
            // A bug or a failed git command: answer like GitHub's 500, with the cause to make the test failure readable.
            await context.WriteErrorAsync(new ApiErrorException(500, "Server Error: " + error.Message));
        }
        finally
        {
            state.Requests.Enqueue(new RecordedRequest(at, request.Method, request.PathBase + request.Path,
                request.QueryString.Value ?? "", response.StatusCode, RedactedHeaders(request), requestId) { Principal = context.Principal().Login });
        }
    }

    private async Task ServeAsync(HttpContext context)
    {
        var request = context.Request;
        var fault = faults.Take(request.Method, request.Path.Value ?? "/");
        if (fault?.Delay is { } delay)
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        if (fault?.Status is { } status)
        {
            throw FaultError(fault, status);
        }

        var principal = Authenticator.Authenticate(request, state);
        context.SetPrincipal(principal);
        var resource = request.Path.StartsWithSegments("/graphql", StringComparison.Ordinal) ? "graphql" : "core";
        var (used, reset) = limits.Count(principal, resource, context.Connection.RemoteIpAddress?.ToString() ?? "");
        var headers = context.Response.Headers;
        headers["x-ratelimit-limit"] = limits.Limit.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-remaining"] = Math.Max(limits.Limit - used, 0).ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-used"] = used.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-resource"] = resource;
        if (principal.Token is { Kind: TokenKind.ClassicPersonal } classic)
        {
            headers["x-oauth-scopes"] = string.Join(", ", classic.Scopes);
        }

        if (used > limits.Limit)
        {
            throw new ApiErrorException(403, $"API rate limit exceeded for {Describe(principal)}.",
                "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api");
        }

        await next(context);
    }

    private ApiErrorException FaultError(Fault fault, int status)
    {
        var headers = new Dictionary<string, string>();
        if (fault.RetryAfter is { } retryAfter)
        {
            headers["Retry-After"] = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (fault.ExhaustRateLimit)
        {
            headers["x-ratelimit-limit"] = limits.Limit.ToString(CultureInfo.InvariantCulture);
            headers["x-ratelimit-remaining"] = "0";
            headers["x-ratelimit-reset"] = (state.Now + (fault.RetryAfter ?? TimeSpan.FromMinutes(1)))
                .ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        }

        var message = fault.Message ?? status switch
        {
            409 => "Conflict",
            422 => "Validation Failed",
            429 or 403 => "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
            >= 500 => "Server Error",
            _ => "Injected fault",
        };
        return new ApiErrorException(status, message, "https://docs.github.com/rest", headers: headers);
    }

    private static string Describe(Principal principal) => principal.Kind switch
    {
        PrincipalKind.Installation => "installation ID " + principal.Token!.Installation!.Id,
        PrincipalKind.User => "user ID " + principal.User!.Id,
        PrincipalKind.App => "app ID " + principal.App!.App.Id,
        _ => "this address",
    };

    private static Dictionary<string, string> RedactedHeaders(HttpRequest request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Headers)
        {
            headers[name] = name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
                ? value.ToString().Split(' ')[0] + " ***"
                : value.ToString();
        }

        return headers;
    }
}
