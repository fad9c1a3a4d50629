using Pipeline.Processes;
using Pipeline.Targets;

namespace Pipeline.Build;

/// <summary>
/// The shared libraries a self-contained .NET binary loads (the C and C++ runtimes, OpenSSL, zlib), taken from Debian's
/// packages for one architecture: downloaded with <c>apt-get download</c> using private package lists (the machine's apt
/// state is not changed) and unpacked with <c>dpkg-deb</c> into a root file system an image <c>FROM scratch</c> copies.
/// </summary>
internal static class DebianRuntime
{
    /// <summary>What <c>ldd</c> and the runtime's <c>dlopen</c> calls ask for; ICU is left out (invariant globalization).</summary>
    public static readonly IReadOnlyList<string> Packages = ["libc6", "libgcc-s1", "libstdc++6", "libssl3", "zlib1g"];

    /// <summary>Unpacks <see cref="Packages"/> for <paramref name="architecture"/> (amd64, arm64) into <paramref name="root"/>.</summary>
    public static async Task UnpackAsync(string architecture, AbsolutePath root, AbsolutePath cache, CancellationToken cancellationToken)
    {
        if (!File.Exists("/usr/bin/apt-get") || !File.Exists("/usr/bin/dpkg-deb"))
        {
            throw new BuildException("The tool image takes its libraries from Debian's packages: it needs apt-get and dpkg-deb (a Debian or Ubuntu machine).");
        }

        var lists = cache / architecture / "lists";
        var archives = cache / architecture / "archives";
        (lists / "partial").CreateDirectory();
        (archives / "partial").CreateDirectory();
        string[] options =
        [
            $"-oAPT::Architecture={architecture}", $"-oAPT::Architectures={architecture}", $"-oDir::State::Lists={lists}",
            $"-oDir::Cache={cache / architecture}", "-oDir::Cache::pkgcache=", "-oDir::Cache::srcpkgcache=", "-oDebug::NoLocking=1",
        ];
        if (!Directory.EnumerateFiles(lists, "*Packages*").Any())
        {
            await RunAsync("apt-get", [.. options, "update"], cache, cancellationToken);
        }

        var download = cache / architecture / "debs";
        download.CreateDirectory();
        await RunAsync("apt-get", [.. options, "download", .. Packages], download, cancellationToken);
        if (root.DirectoryExists())
        {
            Directory.Delete(root, recursive: true);
        }

        root.CreateDirectory();
        foreach (var package in Packages)
        {
            var deb = Directory.GetFiles(download, $"{package}_*_{architecture}.deb").Order(StringComparer.Ordinal).LastOrDefault()
                ?? throw new BuildException($"apt-get download left no {package} for {architecture} in {download}; check the machine's apt sources.");
            await RunAsync("dpkg-deb", ["-x", deb, root], download, cancellationToken);
        }
        // Only the libraries are needed: the packages' documentation and configuration stay out of the image.
        foreach (var folder in new[] { "usr/share", "etc" })
        {
            if ((root / folder).DirectoryExists())
            {
                Directory.Delete(root / folder, recursive: true);
            }
        }
    }

    private static async Task RunAsync(string program, string[] arguments, string directory, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(new ProcessRequest(program, arguments) { WorkingDirectory = directory, ThrowOnFailure = false }, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new BuildException($"{result.CommandLine} failed ({result.ExitCode}): {result.StandardError.Trim()}");
        }
    }
}
