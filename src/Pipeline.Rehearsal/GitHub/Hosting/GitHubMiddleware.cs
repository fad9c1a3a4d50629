using System.Globalization;
using Pipeline.Rehearsal.GitHub.Faults;

namespace Pipeline.Rehearsal.GitHub.Hosting;

/// <summary>
/// What every request goes through: request id and GitHub's response headers, planned faults, the User-Agent and
/// API version GitHub demands, media types, authentication, rate-limit accounting, conditional requests, error
/// bodies, and the request log. Web pages (HTML, raw downloads) skip the API's checks.
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
        response.Headers.Server = "GitHub.com";
        response.Headers.Date = at.ToString("R", CultureInfo.InvariantCulture);
        var request = context.Request;
        var server = $"{request.Scheme}://{request.Host}/";
        var prefix = request.PathBase.Value?.Trim('/');
        var api = string.IsNullOrEmpty(prefix) ? server : prefix == "api" ? server + "api/v3/" : server + prefix + "/";
        context.SetLinks(new Links(api, state.Options.WebHost is { } web ? "https://" + web + "/" : server, server));
        try
        {
            await ServeAsync(context);
        }
        catch (ApiErrorException error) when (!response.HasStarted)
        {
            await context.WriteErrorAsync(error);
        }
        catch (PlainTextException error) when (!response.HasStarted)
        {
            response.StatusCode = error.Status;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(error.Message, context.RequestAborted);
        }
        catch (Exception error) when (!response.HasStarted && error is not OperationCanceledException)
        {
            // A bug or a failed git command: answer like GitHub's 500, with the cause to make the test failure readable.
            await context.WriteErrorAsync(new ApiErrorException(500, "Server Error: " + error.Message));
        }
        finally
        {
            state.Requests.Enqueue(new RecordedRequest(at, request.Method, request.PathBase + request.Path,
                request.QueryString.Value ?? "", response.StatusCode, RedactedHeaders(request), requestId)
            { Principal = context.Principal().Login });
        }
    }

    private async Task ServeAsync(HttpContext context)
    {
        var request = context.Request;
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<WebPage>() is not null)
        {
            await next(context);
            return;
        }

        var fault = faults.Take(request.Method, request.Path.Value ?? "/");
        if (fault?.Delay is { } delay)
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        if (fault?.Status is { } status)
        {
            throw FaultError(fault, status);
        }

        var git = endpoint?.Metadata.GetMetadata<GitTransport>() is not null;
        var graphql = request.Path.StartsWithSegments("/graphql", StringComparison.Ordinal);

        // Release assets download from github.com (browser_download_url), not the API: no API headers are asked there.
        var download = request.Path.StartsWithSegments("/downloads", StringComparison.Ordinal);
        if (!git && !download)
        {
            ApiVersions.Check(context, rest: !graphql);
        }

        if (!git && !graphql && !download)
        {
            MediaTypes.Negotiate(context, endpoint?.Metadata.GetMetadata<MediaFormats>()?.Formats ?? []);
        }

        var principal = Authenticator.Authenticate(request, state);
        context.SetPrincipal(principal);
        var resource = graphql ? "graphql" : "core";
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "";
        var (used, reset) = limits.Count(principal, resource, address);
        SetRateLimitHeaders(context.Response.Headers, used, reset, resource);
        if (principal.Token is { Kind: TokenKind.ClassicPersonal } classic)
        {
            context.Response.Headers["x-oauth-scopes"] = string.Join(", ", classic.Scopes);
        }

        if (used > limits.Limit)
        {
            throw new ApiErrorException(403, $"API rate limit exceeded for {Describe(principal)}.",
                "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api");
        }

        if (git || graphql || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            await next(context);
            return;
        }

        await ServeConditionallyAsync(context, principal, resource, address);
    }

    /// <summary>Buffers a REST read to give it an ETag, and answers 304 (not counted) when the client's copy is current.</summary>
    private async Task ServeConditionallyAsync(HttpContext context, Principal principal, string resource, string address)
    {
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        if (response.StatusCode == StatusCodes.Status200OK && ConditionalResponses.IsNotModified(context, buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
        {
            var (used, reset) = limits.Refund(principal, resource, address);
            SetRateLimitHeaders(response.Headers, used, reset, resource);
            response.StatusCode = StatusCodes.Status304NotModified;
            response.ContentType = null;
            return;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private void SetRateLimitHeaders(IHeaderDictionary headers, int used, DateTimeOffset reset, string resource)
    {
        headers["x-ratelimit-limit"] = limits.Limit.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-remaining"] = Math.Max(limits.Limit - used, 0).ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-used"] = used.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-resource"] = resource;
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
