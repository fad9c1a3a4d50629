using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Pipeline.Components.Tests.Secrets;

/// <summary>
/// A raw HTTP/1.1 listener on a free loopback port that fails every request the way each outside party fails, with
/// an error text that echoes the credential it was sent (the Authorization and X-Registry-Auth headers verbatim) and
/// every extra form it was given: a GitHub API 422 body, a registry 403 <c>errors</c> body, a Docker engine 500
/// <c>message</c>, and a git smart-HTTP <c>ERR</c> packet (which git prints to stderr as <c>remote error</c>).
/// </summary>
internal sealed class EchoServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IReadOnlyList<string> _forms;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public EchoServer(IReadOnlyList<string> forms)
    {
        _forms = forms;
        _listener.Start();
        _loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Address => $"127.0.0.1:{Port}";

    /// <summary>Every error text sent, by the kind of party that sent it.</summary>
    public List<(string Party, string Text)> Sent { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var head = await ReadHeadAsync(stream);
            var lines = head.Split("\r\n");
            var target = lines[0].Split(' ')[1];
            var headers = lines.Skip(1).Where(l => l.Contains(':')).ToLookup(l => l[..l.IndexOf(':')].Trim(), l => l[(l.IndexOf(':') + 1)..].Trim(), StringComparer.OrdinalIgnoreCase);
            var text = "echo: " + string.Join(" | ", _forms) + " | authorization: " + headers["Authorization"].FirstOrDefault() + " | x-registry-auth: " + headers["X-Registry-Auth"].FirstOrDefault();
            var (party, status, type, body, extra) = target switch
            {
                "/_ping" => ("engine ping", 200, "text/plain", "OK"u8.ToArray(), "Api-Version: 1.41\r\n"),
                _ when target.Contains("/info/refs", StringComparison.Ordinal) => ("git", 200, "application/x-git-upload-pack-advertisement", Packet("ERR " + text), ""),
                _ when target.StartsWith("/v2/", StringComparison.Ordinal) => ("registry", 403, "application/json", Json(new { errors = new[] { new { code = "DENIED", message = text, detail = text } } }), ""),
                _ when target.Contains("/images/", StringComparison.Ordinal) => ("engine", 500, "application/json", Json(new { message = text }), ""),
                _ => ("github", 422, "application/json", Json(new { message = text, errors = new[] { new { resource = "Repository", code = "custom", field = "name", message = text } } }), ""),
            };
            if (status >= 400 || party == "git")
            {
                lock (Sent)
                {
                    Sent.Add((party, text));
                }
            }

            var response = $"HTTP/1.1 {status} Echo\r\nContent-Type: {type}\r\nContent-Length: {body.Length}\r\n{extra}Connection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
            await stream.WriteAsync(body);
        }
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1)
        {
            head.Add(one[0]);
            if (head.Count >= 4 && head[^1] == '\n' && head[^2] == '\r' && head[^3] == '\n' && head[^4] == '\r')
            {
                break;
            }
        }

        return Encoding.UTF8.GetString(head.ToArray());
    }

    private static byte[] Json(object value) => JsonSerializer.SerializeToUtf8Bytes(value);

    private static byte[] Packet(string line)
    {
        var payload = Encoding.UTF8.GetBytes(line + "\n");
        return [.. Encoding.ASCII.GetBytes((payload.Length + 4).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)), .. payload, .. "0000"u8.ToArray()];
    }
}
