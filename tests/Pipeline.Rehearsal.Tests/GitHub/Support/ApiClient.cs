using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Rehearsal.Tests.GitHub.Support;

/// <summary>A thin HttpClient for tests: sends JSON, returns status and parsed body.</summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    public ApiClient(Uri baseUrl, string? token = null, string scheme = "token")
    {
        _http = new HttpClient { BaseAddress = baseUrl };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("rehearsal-tests");
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.github+json");
        if (token is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, token);
        }
    }

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<ApiResponse> PostAsync(string path, object? body) => SendAsync(HttpMethod.Post, path, body);

    public Task<ApiResponse> PatchAsync(string path, object? body) => SendAsync(HttpMethod.Patch, path, body);

    public Task<ApiResponse> PutAsync(string path, object? body) => SendAsync(HttpMethod.Put, path, body);

    public Task<ApiResponse> DeleteAsync(string path, object? body = null) => SendAsync(HttpMethod.Delete, path, body);

    public Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body) => SendAsync(method, path, body, null);

    /// <summary>Sends with extra headers; a header given as null is removed from the defaults (e.g. User-Agent).</summary>
    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body, IReadOnlyDictionary<string, string?>? headers)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        foreach (var (name, value) in headers ?? new Dictionary<string, string?>())
        {
            request.Headers.Remove(name);
            if (value is not null)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        string? sent = null;
        if (body is not null)
        {
            sent = body as string ?? JsonSerializer.Serialize(body);
            request.Content = new StringContent(sent, Encoding.UTF8, "application/json");
        }

        if (headers?.ContainsKey("User-Agent") == true)
        {
            // The default User-Agent would be added back to the request; send this one without defaults.
            using var bare = new HttpClient { BaseAddress = _http.BaseAddress };
            foreach (var header in _http.DefaultRequestHeaders.Where(h => !headers.ContainsKey(h.Key)))
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            return await ReadAsync(await bare.SendAsync(request), method, path, sent);
        }

        return await ReadAsync(await _http.SendAsync(request), method, path, sent);
    }

    public Task<ApiResponse> GetAsync(string path, IReadOnlyDictionary<string, string?> headers) =>
        SendAsync(HttpMethod.Get, path, null, headers);

    private static async Task<ApiResponse> ReadAsync(HttpResponseMessage message, HttpMethod method, string path, string? sent)
    {
        using var response = message;
        var text = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new ApiResponse((int)response.StatusCode, text.Length > 0 && text.TrimStart()[0] is '{' or '[' ? JsonNode.Parse(text) : null,
            text, headers, method.Method, path, sent);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A response as the tests see it.</summary>
public sealed record ApiResponse(int Status, JsonNode? Json, string Text, IReadOnlyDictionary<string, string> Headers,
    string Method, string Path, string? RequestBody)
{
    public JsonNode Body => Json ?? throw new InvalidOperationException($"No JSON body (status {Status}): {Text}");

    public string this[string property] => Body[property]!.GetValue<string>();

    public string Message => Json?["message"]?.GetValue<string>() ?? "";
}
