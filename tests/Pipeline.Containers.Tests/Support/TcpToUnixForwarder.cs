using System.Net;
using System.Net.Sockets;

namespace Pipeline.Containers.Tests.Support;

/// <summary>Forwards a loopback TCP port to a unix socket, so a client can reach the engine over tcp:// as with DOCKER_HOST=tcp://.</summary>
public sealed class TcpToUnixForwarder : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public TcpToUnixForwarder(string socketPath)
    {
        _listener.Start();
        _ = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(() => PumpAsync(client, socketPath));
            }
        });
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task PumpAsync(TcpClient client, string socketPath)
    {
        using (client)
        using (var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            await unix.ConnectAsync(new UnixDomainSocketEndPoint(socketPath));
            await using var upstream = new NetworkStream(unix, ownsSocket: false);
            var downstream = client.GetStream();
            var a = downstream.CopyToAsync(upstream, _stop.Token);
            var b = upstream.CopyToAsync(downstream, _stop.Token);
            try
            {
                await Task.WhenAny(a, b);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
            }
        }
    }
}
