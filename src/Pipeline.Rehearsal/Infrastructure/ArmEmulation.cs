using System.Runtime.InteropServices;

namespace Pipeline.Rehearsal.Infrastructure;

/// <summary>
/// Running linux/arm64 images (and RUN steps of arm64 builds) on an x86-64 machine needs qemu registered with
/// binfmt_misc. On Debian as root this installs qemu-user-static when missing, mounts binfmt_misc and registers
/// qemu-aarch64 (saying so); elsewhere it says what to do. Nothing to do on arm64 machines.
/// </summary>
public static class ArmEmulation
{
    private const string BinfmtDirectory = "/proc/sys/fs/binfmt_misc";
    private const string Configuration = "/usr/lib/binfmt.d/qemu-aarch64.conf";

    /// <summary>True when arm64 binaries run on this machine, natively or under qemu.</summary>
    public static bool IsAvailable =>
        RuntimeInformation.OSArchitecture == Architecture.Arm64 || File.Exists(Path.Combine(BinfmtDirectory, "qemu-aarch64"));

    /// <summary>Makes arm64 binaries runnable here when it can; returns whether they are.</summary>
    public static async Task<bool> EnsureAsync(Action<string>? log = null, HostFacts? host = null, CancellationToken cancellationToken = default)
    {
        if (IsAvailable)
        {
            return true;
        }

        host ??= HostFacts.Detect();
        if (!host.CanInstallWithApt)
        {
            log?.Invoke("linux/arm64 images cannot run on this machine: install qemu-user-static and register it with binfmt_misc "
                + "(Debian/Ubuntu: 'sudo apt-get install qemu-user-static binfmt-support').");
            return false;
        }

        if (!File.Exists(Configuration))
        {
            await AptInstaller.InstallAsync("qemu-user-static", log, cancellationToken).ConfigureAwait(false);
        }

        if (!File.Exists(Path.Combine(BinfmtDirectory, "register")))
        {
            var (code, output) = await LocalProcess.RunAsync("mount", ["-t", "binfmt_misc", "binfmt_misc", BinfmtDirectory], cancellationToken).ConfigureAwait(false);
            if (code != 0)
            {
                throw new InfrastructureException($"Mounting binfmt_misc at {BinfmtDirectory} failed ({code}): {output.Trim()}");
            }
        }
        if (!File.Exists(Path.Combine(BinfmtDirectory, "qemu-aarch64")) && File.Exists(Configuration))
        {
            log?.Invoke("Registering qemu-aarch64 with binfmt_misc so that linux/arm64 images run here.");
            await File.WriteAllTextAsync(Path.Combine(BinfmtDirectory, "register"), (await File.ReadAllTextAsync(Configuration, cancellationToken).ConfigureAwait(false)).Trim(), cancellationToken).ConfigureAwait(false);
        }
        return IsAvailable;
    }
}
