using System.Globalization;

namespace Pipeline.Rehearsal.Infrastructure;

/// <summary>
/// Debian's statically linked busybox for a CPU architecture, downloaded once with <c>apt-get download</c> into a
/// cache folder using private package lists (the machine's apt state is not changed), then unpacked with
/// <c>dpkg-deb</c>. Lets tests build runnable images <c>FROM scratch</c> for several platforms without a base image.
/// </summary>
public static class StaticBusybox
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>The default cache: <c>$XDG_CACHE_HOME/pipeline/busybox</c> or <c>~/.cache/pipeline/busybox</c>.</summary>
    public static string DefaultCacheFolder =>
        Path.Combine(
            Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
            "pipeline",
            "busybox");

    /// <summary>The Debian architecture name of a Go/OCI architecture (<c>arm64</c>, <c>arm</c> → <c>armhf</c>, <c>ppc64le</c> → <c>ppc64el</c>).</summary>
    public static string DebianArchitecture(string architecture) => architecture switch
    {
        "arm" => "armhf",
        "386" => "i386",
        "ppc64le" => "ppc64el",
        _ => architecture,
    };

    /// <summary>
    /// Puts the busybox of each platform's architecture into <c>context/rootfs/&lt;arch&gt;/busybox</c>, where a
    /// <c>FROM scratch</c> Dockerfile copies it with <c>COPY rootfs/${TARGETARCH}/busybox /bin/busybox</c>.
    /// </summary>
    /// <param name="context">The build context.</param>
    /// <param name="platforms">Platforms such as <c>linux/arm64</c>.</param>
    /// <param name="log">Says where each binary came from.</param>
    /// <param name="cancellationToken">Cancels a download.</param>
    public static async Task PutInContextAsync(string context, IEnumerable<string> platforms, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        foreach (var platform in platforms)
        {
            var architecture = platform.Split('/') is [_, var arch, ..] ? arch : throw new InfrastructureException($"'{platform}' is not a platform such as linux/arm64.");
            var busybox = await GetAsync(architecture, cancellationToken: cancellationToken).ConfigureAwait(false);
            var folder = Directory.CreateDirectory(Path.Combine(context, "rootfs", architecture)).FullName;
            File.Copy(busybox, Path.Combine(folder, "busybox"), overwrite: true);
            log?.Invoke($"{platform}: {busybox}");
        }
    }

    /// <summary>The path of the busybox binary for <paramref name="architecture"/>, downloading it when not cached.</summary>
    public static async Task<string> GetAsync(string architecture, string? cacheFolder = null, CancellationToken cancellationToken = default)
    {
        var debian = DebianArchitecture(architecture);
        var folder = Path.Combine(cacheFolder ?? DefaultCacheFolder, debian);
        var binary = Path.Combine(folder, "root", "bin", "busybox");
        if (File.Exists(binary))
        {
            return binary;
        }

        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!File.Exists(binary))
            {
                await DownloadAsync(debian, folder, cancellationToken).ConfigureAwait(false);
            }

            return File.Exists(binary) ? binary : throw new InfrastructureException($"busybox-static for {debian} unpacked without bin/busybox in {folder}.");
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task DownloadAsync(string debian, string folder, CancellationToken cancellationToken)
    {
        var lists = Path.Combine(folder, "lists");
        var cache = Path.Combine(folder, "cache");
        Directory.CreateDirectory(Path.Combine(lists, "partial"));
        Directory.CreateDirectory(Path.Combine(cache, "archives", "partial"));
        string[] options =
        [
            $"-oAPT::Architecture={debian}", $"-oAPT::Architectures={debian}", $"-oDir::State::Lists={lists}",
            $"-oDir::Cache={cache}", "-oDir::Cache::pkgcache=", "-oDir::Cache::srcpkgcache=", "-oDebug::NoLocking=1",
        ];
        if (LocalProcess.FindOnPath("apt-get") is null || LocalProcess.FindOnPath("dpkg-deb") is null)
        {
            throw new InfrastructureException("Downloading busybox-static needs apt-get and dpkg-deb (a Debian or Ubuntu machine).");
        }

        var (code, output) = await LocalProcess.RunAsync("apt-get", [.. options, "update"], cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new InfrastructureException($"apt-get update for {debian} failed ({code}): {output.Trim()}");
        }

        var download = Path.Combine(folder, "download");
        Directory.CreateDirectory(download);
        var fetched = await ProcessRunner.RunAsync(
            new ProcessRequest("apt-get", [.. options, "download", "busybox-static"]) { WorkingDirectory = download, ThrowOnFailure = false },
            cancellationToken).ConfigureAwait(false);
        if (fetched.ExitCode != 0)
        {
            throw new InfrastructureException(
                $"apt-get download busybox-static for {debian} failed ({fetched.ExitCode.ToString(CultureInfo.InvariantCulture)}): {fetched.StandardError.Trim()}");
        }

        var package = Directory.EnumerateFiles(download, "*.deb").FirstOrDefault()
            ?? throw new InfrastructureException($"apt-get download produced no .deb in {download}.");
        (code, output) = await LocalProcess.RunAsync("dpkg-deb", ["-x", package, Path.Combine(folder, "root")], cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new InfrastructureException($"dpkg-deb -x {package} failed ({code}): {output.Trim()}");
        }
    }
}
