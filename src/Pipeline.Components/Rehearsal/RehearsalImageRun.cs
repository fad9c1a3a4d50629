using System.Text;
using System.Text.Json;
using Pipeline.Containers;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>
/// <c>--rehearsal-run</c>: the pinned image, for this machine's platform, run once with the given command as
/// <c>docker run --rm --network none IMAGE COMMAND...</c>, within a timeout. The container has a name of its own and
/// is removed however the run ends (exit, failure, timeout, Ctrl-C), so a server that never exits leaves nothing behind.
/// </summary>
internal static class RehearsalImageRun
{
    public static async Task<string> RunAsync(ImageReference image, string command, TimeSpan timeout, string? builtFrom, CancellationToken cancellationToken)
    {
        var words = Split(command);
        var name = $"pipeline-rehearsal-{Guid.NewGuid():N}"[..32];
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        ProcessResult run;
        try
        {
            run = await ProcessRunner.RunAsync(new ProcessRequest("docker", ["run", "--rm", "--name", name, "--network", "none", image.ToString(), .. words])
            { ThrowOnFailure = false }, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BuildException($"docker run {image} {command} was still running after {timeout.TotalSeconds:0} s, so it was stopped and its container removed. " +
                "A server does not exit by itself: give --rehearsal-run a command that ends (one that asks the server and exits), or a longer --rehearsal-run-timeout.");
        }
        finally
        {
            await ProcessRunner.RunAsync(new ProcessRequest("docker", ["rm", "--force", name]) { ThrowOnFailure = false }, CancellationToken.None).ConfigureAwait(false);
        }

        var lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (run.ExitCode != 0)
        {
            var said = string.Join(" | ", run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3));
            throw new BuildException($"docker run {image} {command} exited with code {run.ExitCode}{(said.Length > 0 ? ": " + said : "")}. Check --rehearsal-run: its words are the container's command, after the image's entrypoint.");
        }
        var commit = lines.Select(ReportedCommit).LastOrDefault(c => c is not null);
        if (commit is not null && builtFrom is not null && !string.Equals(commit, builtFrom, StringComparison.OrdinalIgnoreCase))
        {
            throw new BuildException($"The image {image} reports commit {commit}, but it was built from {builtFrom}.");
        }

        var arch = await ProcessRunner.RunAsync(new ProcessRequest("uname", ["-m"]) { ThrowOnFailure = false }, cancellationToken).ConfigureAwait(false);
        var shown = lines.LastOrDefault() ?? "(no output)";
        return $"docker run on this machine ({arch.StandardOutput.Trim()}): " + (commit is not null ? $"reports commit {commit}" : $"exit code 0, printed: {(shown.Length > 120 ? shown[..117] + "..." : shown)}");
    }

    /// <summary>The <c>commit</c> of a JSON line such as <c>{"app":"demo-service","commit":"9c4f1aa…"}</c>, or null.</summary>
    internal static string? ReportedCommit(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(line);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("commit", out var commit) && commit.ValueKind == JsonValueKind.String
                ? commit.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Splits a command into words as a POSIX shell would for quotes: <c>sh -c 'a b'</c> is three words.</summary>
    internal static IReadOnlyList<string> Split(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else if (c == '\\' && q == '"' && i + 1 < command.Length && command[i + 1] is '"' or '\\')
                {
                    word.Append(command[++i]);
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                }

                word.Clear();
                inWord = false;
            }
            else
            {
                if (c == '\\' && i + 1 < command.Length)
                {
                    c = command[++i];
                }

                word.Append(c);
                inWord = true;
            }
        }
        if (quote is not null)
        {
            throw new BuildException($"--rehearsal-run has an unclosed {quote} quote: {command}");
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
