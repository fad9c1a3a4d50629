namespace Pipeline.Rehearsal.Infrastructure;

/// <summary>What the machine allows: whether packages can be installed with apt as root.</summary>
/// <param name="IsDebian">True on Debian or a derivative (<c>/etc/debian_version</c> exists).</param>
/// <param name="IsRoot">True when running as root.</param>
public sealed record HostFacts(bool IsDebian, bool IsRoot)
{
    /// <summary>True when missing packages may be installed with <c>apt-get</c>.</summary>
    public bool CanInstallWithApt => IsDebian && IsRoot && OperatingSystem.IsLinux();

    /// <summary>The facts of this machine.</summary>
    public static HostFacts Detect() =>
        new(File.Exists("/etc/debian_version"), OperatingSystem.IsLinux() && Environment.UserName == "root");
}
