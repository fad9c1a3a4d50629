namespace Pipeline.Rehearsal.GitHub.Git;

/// <summary>
/// The pre-receive hook that enforces branch protection on pushes over smart HTTP. The server decides per push
/// which refs the pusher may not touch and passes them in the environment of <c>git http-backend</c>.
/// </summary>
internal static class ProtectionHook
{
    /// <summary>Lines of <c>refname|reason</c> the pusher may not update.</summary>
    public const string DeniedVariable = "REHEARSAL_DENIED_REFS";

    /// <summary>Space-separated refs that accept only fast-forward updates and no deletion.</summary>
    public const string NoForceVariable = "REHEARSAL_NO_FORCE_REFS";

    private const string Script = """
        #!/bin/sh
        # Branch protection of the local GitHub server (GH006 messages as GitHub prints them).
        zero=0000000000000000000000000000000000000000
        status=0
        while read old new ref; do
          reason=$(printf '%s\n' "$REHEARSAL_DENIED_REFS" | while IFS='|' read r why; do
            if [ "$r" = "$ref" ]; then printf '%s' "$why"; fi
          done)
          if [ -n "$reason" ]; then
            echo "error: GH006: Protected branch update failed for $ref." >&2
            echo "error: $reason" >&2
            status=1
            continue
          fi
          for protected in $REHEARSAL_NO_FORCE_REFS; do
            if [ "$ref" = "$protected" ]; then
              if [ "$new" = "$zero" ]; then
                echo "error: GH006: Protected branch update failed for $ref." >&2
                echo "error: Cannot delete this protected branch" >&2
                status=1
              elif [ "$old" != "$zero" ] && ! git merge-base --is-ancestor "$old" "$new"; then
                echo "error: GH006: Protected branch update failed for $ref." >&2
                echo "error: Cannot force-push to this branch" >&2
                status=1
              fi
            fi
          done
        done
        exit $status

        """;

    public static async Task InstallAsync(string bareRepositoryPath, CancellationToken ct)
    {
        var hooks = Path.Combine(bareRepositoryPath, "hooks");
        Directory.CreateDirectory(hooks);
        foreach (var sample in Directory.EnumerateFiles(hooks, "*.sample"))
        {
            File.Delete(sample);
        }

        var path = Path.Combine(hooks, "pre-receive");
        await File.WriteAllTextAsync(path, Script.Replace("\r\n", "\n", StringComparison.Ordinal), ct);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }
}
