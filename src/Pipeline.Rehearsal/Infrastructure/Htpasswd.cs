using System.Runtime.InteropServices;

namespace Pipeline.Rehearsal.Infrastructure;

/// <summary>
/// Writes <c>htpasswd</c> lines with bcrypt hashes, the only hash the distribution registry accepts. Uses the
/// system's libcrypt (libxcrypt, present on Debian and most Linux systems), else the <c>htpasswd</c> tool of apache2-utils.
/// </summary>
internal static class Htpasswd
{
    private static readonly Lock Gate = new();

    public static async Task<string> LineAsync(string user, string password, CancellationToken cancellationToken)
    {
        if (TryLibcrypt(password) is { } hash)
        {
            return $"{user}:{hash}";
        }

        var tool = LocalProcess.FindOnPath("htpasswd")
            ?? throw new InfrastructureException(
                "A registry with passwords needs bcrypt hashes, and neither libcrypt.so.1 nor 'htpasswd' is available. "
                + "Install apache2-utils (Debian: apt-get install apache2-utils).");
        var (exitCode, output) = await LocalProcess.RunAsync(tool, ["-nbB", user, password], cancellationToken).ConfigureAwait(false);
        return exitCode == 0 ? output.Trim() : throw new InfrastructureException($"htpasswd failed ({exitCode}): {output}");
    }

    private static string? TryLibcrypt(string password)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            lock (Gate)
            {
                // crypt(3) and crypt_gensalt(3) return static buffers: the lock keeps them consistent.
                var salt = Marshal.PtrToStringAnsi(CryptGenSalt("$2b$", 5, IntPtr.Zero, 0));
                if (salt is null)
                {
                    return null;
                }

                var hash = Marshal.PtrToStringAnsi(Crypt(password, salt));
                return hash is not null && hash.StartsWith("$2", StringComparison.Ordinal) ? hash : null;
            }
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    // DllImport rather than LibraryImport: the generated marshalling needs unsafe code, which this project does not enable.
    [DllImport("libcrypt.so.1", EntryPoint = "crypt_gensalt", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern IntPtr CryptGenSalt(string prefix, ulong count, IntPtr randomBytes, int randomByteCount);

    [DllImport("libcrypt.so.1", EntryPoint = "crypt", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern IntPtr Crypt(string phrase, string setting);
}
