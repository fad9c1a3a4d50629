using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Pipeline.Containers;

public sealed partial class DockerEngineClient
{
    private async Task<T> GetJsonAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, type, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false)
            ?? throw new DockerEngineException($"The Docker engine returned an empty answer to {response.RequestMessage?.RequestUri?.AbsolutePath}.");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? headers = null)
    {
        var ping = await PingAsync(cancellationToken).ConfigureAwait(false);
        var request = new HttpRequestMessage(method, $"v{ping.ApiVersion}/{path}") { Content = content };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception) when (exception.InnerException is SocketException or IOException || exception.HttpRequestError == HttpRequestError.ConnectionError)
        {
            throw new DockerEngineUnavailableException(Endpoint, exception);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string? message;
        try
        {
            message = JsonSerializer.Deserialize(body, ContainersJsonContext.Default.EngineErrorBody)?.Message;
        }
        catch (JsonException)
        {
            message = body.Trim();
        }

        var request = response.RequestMessage!;
        throw new DockerEngineException(
            $"The Docker engine answered {request.Method} {request.RequestUri?.OriginalString} with HTTP {(int)response.StatusCode}: {message}",
            response.StatusCode,
            message);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    internal static int CompareVersions(string left, string right)
    {
        static (int Major, int Minor) Split(string v)
        {
            var parts = v.Split('.');
            return (int.Parse(parts[0], CultureInfo.InvariantCulture), parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0);
        }

        return Split(left).CompareTo(Split(right));
    }
}
