namespace Pipeline.Rehearsal.Infrastructure;

/// <summary>Runs commands to completion and starts long-running ones; stops only processes it started, by id.</summary>
internal static class LocalProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var request = new ProcessRequest(file, [.. arguments])
        {
            Environment = (environment ?? new Dictionary<string, string>()).ToDictionary(p => p.Key, string? (p) => p.Value),
            ThrowOnFailure = false,
        };
        try
        {
            var result = await ProcessRunner.RunAsync(request, cancellationToken).ConfigureAwait(false);
            return (result.ExitCode, result.StandardOutput + result.StandardError);
        }
        catch (ProcessException exception) when (exception.Failure == ProcessFailure.NotStarted)
        {
            throw new InfrastructureException(exception.Message, exception);
        }
    }

    public static string? FindOnPath(string name, params string[] fallbacks)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Concat(fallbacks))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Starts a long-running program whose redacted output goes to <paramref name="logPath"/>; stop it with <see cref="BackgroundProcess.StopAsync"/>.</summary>
    public static BackgroundProcess RunInBackground(string file, IEnumerable<string> arguments, string logPath)
    {
        try
        {
            return BackgroundProcess.Launch(new ProcessRequest(file, [.. arguments]), logPath);
        }
        catch (ProcessException exception)
        {
            throw new InfrastructureException(exception.Message, exception);
        }
    }

    public static bool IsLoopbackPortFree(int port)
    {
        try
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    public static int FreeLoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
