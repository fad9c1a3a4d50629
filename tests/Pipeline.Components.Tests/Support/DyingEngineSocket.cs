using System.Net.Sockets;
using Pipeline.Tests.Shared;

namespace Pipeline.Components.Tests.Support;

/// <summary>
/// A unix socket that forwards to the real engine's socket until <see cref="Kill"/>: then it stops listening and cuts
/// every open connection, as an engine that dies in the middle of a build does.
/// </summary>
internal sealed class DyingEngineSocket : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly List<Socket> _open = [];
    private readonly string _folder = TestTemp.Folder("pipeline-engine-");

    public DyingEngineSocket(string target = "/var/run/docker.sock")
    {
        Path = System.IO.Path.Combine(_folder, "docker.sock");
        _listener.Bind(new UnixDomainSocketEndPoint(Path));
        _listener.Listen();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                Socket client;
                try
                {
                    client = await _listener.AcceptAsync();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    return;
                }

                var upstream = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await upstream.ConnectAsync(new UnixDomainSocketEndPoint(target));
                lock (_open)
                {
                    _open.Add(client);
                    _open.Add(upstream);
                }

                _ = PumpAsync(client, upstream);
                _ = PumpAsync(upstream, client);
            }
        });
    }

    public string Path { get; }

    public string Host => "unix://" + Path;

    public void Kill()
    {
        _listener.Close();
        lock (_open)
        {
            foreach (var socket in _open)
            {
                socket.Close();
            }
        }
    }

    public void Dispose()
    {
        Kill();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[1 << 16];
        try
        {
            while (await from.ReceiveAsync(buffer) is var read and > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }
}

/// <summary>Output of a build that runs <paramref name="action"/> once, synchronously, when a line containing <paramref name="trigger"/> is written.</summary>
internal sealed class TriggerWriter(string trigger, Action action) : StringWriter
{
    private int _fired;

    public override void Write(string? value)
    {
        base.Write(value);
        Check(value);
    }

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        Check(value);
    }

    private void Check(string? value)
    {
        if (value is not null && value.Contains(trigger, StringComparison.Ordinal) && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            action();
        }
    }
}
