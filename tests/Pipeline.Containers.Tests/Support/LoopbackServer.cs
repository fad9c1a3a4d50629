using System.Collections.Concurrent;
using System.Net;

namespace Pipeline.Containers.Tests.Support;

/// <summary>A real HTTP server on 127.0.0.1 whose answers a test scripts; it records every request it receives.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<HttpListenerRequest, HttpListenerResponse, Task> _handler;
    private readonly Task _loop;

    public LoopbackServer(Func<HttpListenerRequest, HttpListenerResponse, Task> handler)
    {
        _handler = handler;
        // A listener whose Start fails (the port was taken meanwhile) is disposed by it, so each attempt takes a new
        // one, on a port the OS has just handed out.
        for (var attempt = 0; ; attempt++)
        {
            var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                listener.Start();
                _listener = listener;
                break;
            }
            catch (HttpListenerException) when (attempt < 20)
            {
            }
        }

        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Registry => $"127.0.0.1:{Port}";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var request = context.Request;
            using var body = new MemoryStream();
            await request.InputStream.CopyToAsync(body);
            Requests.Enqueue(new RecordedRequest(request.HttpMethod, request.Url!.PathAndQuery, request.Headers["Authorization"], request.Headers["Accept"], body.ToArray()));
            try
            {
                await _handler(request, context.Response);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }
}

public sealed record RecordedRequest(string Method, string PathAndQuery, string? Authorization, string? Accept, byte[] Body);

public static class ResponseExtensions
{
    public static async Task WriteAsync(this HttpListenerResponse response, int status, string body, string contentType = "application/json", IDictionary<string, string>? headers = null)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }
}

/// <summary>A clock whose delays complete at once and are recorded, so retry waits can be checked without waiting.</summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Delays.Enqueue(dueTime);
        return new ImmediateTimer(callback, state);
    }

    private sealed class ImmediateTimer : ITimer
    {
        public ImmediateTimer(TimerCallback callback, object? state) => ThreadPool.QueueUserWorkItem(_ => callback(state));

        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
