using System.Text;
using System.Text.Json;

namespace Pipeline.Containers;

public sealed partial class DockerEngineClient
{
    /// <summary>Reads the engine's JSON progress stream to its end, one message per line.</summary>
    private async IAsyncEnumerable<JsonMessage> ReadMessagesAsync(
        HttpResponseMessage response,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), Encoding.UTF8);
        while (await ReadLineAsync(reader, cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonMessage? message;
            try
            {
                message = JsonSerializer.Deserialize(line, ContainersJsonContext.Default.JsonMessage);
            }
            catch (JsonException)
            {
                message = new JsonMessage(line + "\n", null, null, null, null, null, null);
            }

            if (message is not null)
            {
                yield return message;
            }
        }
    }

    /// <summary>The next line, or a <see cref="DockerEngineUnavailableException"/> when the engine goes away mid-stream.</summary>
    private async Task<string?> ReadLineAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception) when (exception is HttpIOException || exception.InnerException is System.Net.Sockets.SocketException)
        {
            throw new DockerEngineUnavailableException(Endpoint, exception);
        }
        catch (HttpRequestException exception)
        {
            throw new DockerEngineUnavailableException(Endpoint, exception);
        }
    }
}
