namespace Pipeline.Rehearsal.Infrastructure;

/// <summary>Installs Debian packages with apt-get (as root), saying so before it does.</summary>
internal static class AptInstaller
{
    public static async Task InstallAsync(string package, Action<string>? log, CancellationToken cancellationToken)
    {
        log?.Invoke($"Installing the Debian package '{package}' with apt-get (it is missing on this machine).");
        var environment = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        var (code, output) = await LocalProcess.RunAsync("apt-get", ["install", "-y", "--no-install-recommends", package], cancellationToken, environment).ConfigureAwait(false);
        if (code != 0)
        {
            log?.Invoke("apt-get install failed; updating the package lists and trying again.");
            await LocalProcess.RunAsync("apt-get", ["update"], cancellationToken, environment).ConfigureAwait(false);
            (code, output) = await LocalProcess.RunAsync("apt-get", ["install", "-y", "--no-install-recommends", package], cancellationToken, environment).ConfigureAwait(false);
        }

        if (code != 0)
        {
            throw new InfrastructureException($"'apt-get install {package}' failed with exit code {code}: {output.Trim()}");
        }
    }
}
