using System.Globalization;

namespace Pipeline.Rehearsal.Infrastructure;

/// <summary>
/// A real OCI registry (<c>docker-registry serve</c>, the distribution registry) on a free loopback port, with a
/// generated config and its storage in a temporary folder. Disposing stops the process and deletes the folder.
/// </summary>
public sealed class LocalRegistry : IAsyncDisposable
{
    private readonly BackgroundProcess _process;
    private readonly string _folder;
    private readonly bool _deleteFolder;
    private readonly LocalTokenIssuer? _issuer;

    private LocalRegistry(BackgroundProcess process, string folder, int port, LocalTokenIssuer? issuer, bool deleteFolder)
    {
        _process = process;
        _folder = folder;
        _deleteFolder = deleteFolder;
        Port = port;
        _issuer = issuer;
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary><c>127.0.0.1:port</c>, the registry part of image references.</summary>
    public string Address => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The registry's log file (its stdout and stderr).</summary>
    public string LogPath => Path.Combine(_folder, "registry.log");

    /// <summary>Starts a registry; installs <c>docker-registry</c> with apt first when allowed and missing (saying so).</summary>
    public static async Task<LocalRegistry> StartAsync(LocalRegistryOptions? options = null, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalRegistryOptions();
        var executable = options.Executable ?? await FindOrInstallAsync(options, log, cancellationToken).ConfigureAwait(false);
        var folder = options.Directory is { } kept ? Directory.CreateDirectory(kept).FullName : Directory.CreateTempSubdirectory("pipeline-registry-").FullName;
        var port = options.Port != 0 ? options.Port : LocalProcess.FreeLoopbackPort();
        if (options.Port != 0 && !LocalProcess.IsLoopbackPortFree(port))
        {
            throw new InfrastructureException($"Port {port.ToString(CultureInfo.InvariantCulture)} on 127.0.0.1 is in use, so the registry cannot listen there; stop what uses it (ss -ltnp 'sport = :{port.ToString(CultureInfo.InvariantCulture)}') or choose another port.");
        }

        var issuer = options.TokenAuthentication ? new LocalTokenIssuer(options.Users) : null;
        var htpasswd = options.Users.Count == 0 || issuer is not null ? null : Path.Combine(folder, "htpasswd");
        string? auth = null;
        if (issuer is not null)
        {
            var bundle = Path.Combine(folder, "token-issuer.pem");
            await File.WriteAllTextAsync(bundle, issuer.CertificatePem, cancellationToken).ConfigureAwait(false);
            auth = $"auth:\n  token:\n    realm: {issuer.Realm}\n    service: {LocalTokenIssuer.Service}\n    issuer: {LocalTokenIssuer.Issuer}\n    rootcertbundle: {bundle}\n";
        }

        if (htpasswd is not null)
        {
            var lines = new List<string>();
            foreach (var (user, password) in options.Users)
            {
                lines.Add(await Htpasswd.LineAsync(user, password, cancellationToken).ConfigureAwait(false));
            }

            await File.WriteAllLinesAsync(htpasswd, lines, cancellationToken).ConfigureAwait(false);
            auth = $"auth:\n  htpasswd:\n    realm: pipeline-local\n    path: {htpasswd}\n";
        }

        var config = Path.Combine(folder, "config.yml");
        await File.WriteAllTextAsync(config, RegistryConfig(folder, port, auth), cancellationToken).ConfigureAwait(false);
        var process = LocalProcess.RunInBackground(executable, ["serve", config], Path.Combine(folder, "registry.log"));
        var registry = new LocalRegistry(process, folder, port, issuer, deleteFolder: options.Directory is null);
        try
        {
            await registry.WaitUntilReadyAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await registry.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        log?.Invoke($"Registry started at {registry.Address} ({executable}, pid {process.Id}).");
        return registry;
    }

    /// <summary>Stops the registry and deletes its storage, unless it was given a <see cref="LocalRegistryOptions.Directory"/> to keep.</summary>
    public async ValueTask DisposeAsync()
    {
        await _process.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        await _process.DisposeAsync().ConfigureAwait(false);
        if (_issuer is not null)
        {
            await _issuer.DisposeAsync().ConfigureAwait(false);
        }

        if (!_deleteFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up with the rest of the temporary folder.
        }
    }

    private static string RegistryConfig(string folder, int port, string? auth)
    {
        return $"version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: {Path.Combine(folder, "data")}\n"
            + $"  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}\n{auth ?? string.Empty}";
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InfrastructureException($"The registry exited with code {_process.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "?"}: {await ReadLogAsync().ConfigureAwait(false)}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://{Address}/v2/"), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new InfrastructureException($"The registry did not answer at {Address} within {timeout.TotalSeconds} s: {await ReadLogAsync().ConfigureAwait(false)}");
    }

    private async Task<string> ReadLogAsync()
    {
        await Task.Delay(100).ConfigureAwait(false);
        return File.Exists(LogPath) ? (await File.ReadAllTextAsync(LogPath).ConfigureAwait(false)).Trim() : string.Empty;
    }

    private static async Task<string> FindOrInstallAsync(LocalRegistryOptions options, Action<string>? log, CancellationToken cancellationToken)
    {
        string? Find() => options.SearchPath is { } folders
            ? folders.SelectMany(f => new[] { Path.Combine(f, "docker-registry"), Path.Combine(f, "registry") }).FirstOrDefault(File.Exists)
            : LocalProcess.FindOnPath("docker-registry", "/usr/bin") ?? LocalProcess.FindOnPath("registry");
        if (Find() is { } found)
        {
            return found;
        }

        var host = options.Host ?? HostFacts.Detect();
        if (!options.AllowInstall || !host.CanInstallWithApt)
        {
            throw new InfrastructureException(
                "No registry program found (looked for 'docker-registry' and 'registry' on PATH). Install one: on Debian or Ubuntu "
                + "'sudo apt-get install docker-registry'; elsewhere the 'registry' binary of https://github.com/distribution/distribution/releases.");
        }

        await AptInstaller.InstallAsync("docker-registry", log, cancellationToken).ConfigureAwait(false);
        return Find() ?? LocalProcess.FindOnPath("docker-registry", "/usr/bin")
            ?? throw new InfrastructureException("apt-get installed docker-registry but 'docker-registry' is still not on PATH.");
    }
}
