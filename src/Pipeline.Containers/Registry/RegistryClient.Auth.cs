using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Pipeline.Containers;

public sealed partial class RegistryClient
{
    private async Task AuthorizeAsync(
        string registry,
        string scope,
        IReadOnlyList<AuthChallenge> challenges,
        HttpRequestMessage failed,
        CancellationToken cancellationToken)
    {
        var credential = _options.Credentials.Find(registry);
        var bearer = challenges.FirstOrDefault(c => c.IsBearer && c.Realm is not null);
        if (bearer is not null)
        {
            var token = await FetchTokenAsync(registry, bearer, scope, credential, cancellationToken).ConfigureAwait(false);
            _authorizations[(registry, scope)] = new AuthenticationHeaderValue("Bearer", token);
            return;
        }

        if (challenges.Any(c => c.IsBasic) && credential is not null)
        {
            _authorizations[(registry, scope)] = new AuthenticationHeaderValue("Basic", credential.ToBasicParameter());
            return;
        }

        throw new RegistryAuthenticationException(registry, null, failed.Method.Method, failed.RequestUri!, HttpStatusCode.Unauthorized);
    }

    private async Task<string> FetchTokenAsync(
        string registry,
        AuthChallenge challenge,
        string scope,
        RegistryCredential? credential,
        CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (challenge.Service is { } service)
        {
            query.Add("service=" + Uri.EscapeDataString(service));
        }

        var effectiveScope = scope.Length > 0 ? scope : challenge.Scope;
        if (!string.IsNullOrEmpty(effectiveScope))
        {
            query.Add("scope=" + Uri.EscapeDataString(effectiveScope));
        }

        var realm = challenge.Realm!;
        var uri = new Uri(query.Count == 0 ? realm : realm + (realm.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join("&", query));
        using var response = await SendAsync(uri.Authority, "token", () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (credential is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credential.ToBasicParameter());
            }

            return request;
        }, cancellationToken, answerChallenges: false).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var errors = await ReadErrorsAsync(response, cancellationToken).ConfigureAwait(false);
            throw new RegistryAuthenticationException(registry, credential?.Source, "GET", uri, response.StatusCode, errors);
        }

        await EnsureSuccessAsync(response, registry, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var token = JsonSerializer.Deserialize(body, ContainersJsonContext.Default.TokenResponse);
        return token?.Token ?? token?.AccessToken
            ?? throw new RegistryException($"The token endpoint {uri.GetLeftPart(UriPartial.Path)} of '{registry}' returned no token.", "GET", uri, response.StatusCode);
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string registry, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var request = response.RequestMessage!;
        var errors = await ReadErrorsAsync(response, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var source = _options.Credentials.Find(registry)?.Source;
            throw new RegistryAuthenticationException(registry, source, request.Method.Method, request.RequestUri!, response.StatusCode, errors);
        }

        var detail = errors.Count > 0 ? string.Join("; ", errors) : response.ReasonPhrase;
        var fix = RegistryException.FixFor(response.StatusCode, errors);
        throw new RegistryException(
            $"Registry '{registry}' answered {request.Method} {request.RequestUri!.AbsolutePath} with HTTP {(int)response.StatusCode} ({detail}). {fix}",
            request.Method.Method,
            request.RequestUri!,
            response.StatusCode,
            errors);
    }

    private static async Task<IReadOnlyList<RegistryError>> ReadErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return body.Length == 0
                ? []
                : JsonSerializer.Deserialize(body, ContainersJsonContext.Default.RegistryErrorsDocument)?.Errors ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
