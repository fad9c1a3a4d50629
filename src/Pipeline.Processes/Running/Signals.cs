using System.Runtime.InteropServices;

namespace Pipeline.Processes;

/// <summary>Signals sent to a process by its id.</summary>
internal static class Signals
{
    private const int SigTerm = 15;

    /// <summary>
    /// Asks the process to stop with SIGTERM, which daemons (dockerd, the registry, servers) take as "shut down cleanly".
    /// Not SIGINT: a process started from a background job inherits SIGINT ignored, and a shell cannot even trap it then.
    /// Returns false when the signal could not be sent (the process is gone, or this is not a Unix).
    /// </summary>
    public static bool Terminate(int processId) =>
        !OperatingSystem.IsWindows() && Kill(processId, SigTerm) == 0;

    // DllImport rather than LibraryImport: blittable arguments need no generated marshalling, and no unsafe code.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int processId, int signal);
}
