namespace Pipeline.Rehearsal.Infrastructure;

/// <summary>
/// Commands a build needs from Debian packages: on Debian as root the missing ones are installed with apt-get
/// (saying so); elsewhere the answer names the packages to install.
/// </summary>
public static class DebianPackages
{
    /// <summary>Makes sure each command is on PATH; returns the packages still missing (empty when all are there).</summary>
    /// <param name="commands">Command name to the Debian package that provides it, e.g. <c>skopeo</c> to <c>skopeo</c>.</param>
    /// <param name="log">Says what is installed.</param>
    /// <param name="host">What the machine allows; null detects it.</param>
    /// <param name="cancellationToken">Cancels an installation.</param>
    public static async Task<IReadOnlyList<string>> EnsureCommandsAsync(
        IReadOnlyDictionary<string, string> commands, Action<string>? log = null, HostFacts? host = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var missing = commands.Where(c => LocalProcess.FindOnPath(c.Key, "/usr/sbin", "/usr/bin") is null).Select(c => c.Value).Distinct().ToList();
        host ??= HostFacts.Detect();
        if (missing.Count == 0 || !host.CanInstallWithApt)
        {
            return missing;
        }

        foreach (var package in missing)
        {
            await AptInstaller.InstallAsync(package, log, cancellationToken).ConfigureAwait(false);
        }

        return commands.Where(c => LocalProcess.FindOnPath(c.Key, "/usr/sbin", "/usr/bin") is null).Select(c => c.Value).Distinct().ToList();
    }
}
