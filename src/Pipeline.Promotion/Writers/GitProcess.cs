using System.Text;
using Pipeline.GitHub;

namespace Pipeline.Promotion.Writers;

/// <summary>
/// Runs git with an isolated environment: <c>HOME</c> and <c>XDG_CONFIG_HOME</c> point at an empty folder (so
/// <c>~/.gitconfig</c> and <c>~/.netrc</c> are never read), the system configuration is skipped, prompts and
/// askpass programs are off, credential helpers are cleared, and the credential, when there is one, travels as an
/// <c>http.extraHeader</c> of this command only. The header goes through <c>GIT_CONFIG_COUNT</c>/<c>KEY</c>/<c>VALUE</c>,
/// the environment form of <c>-c</c>, so that it never shows in the process list.
/// </summary>
internal sealed class GitProcess(string gitDirectory, string home, Func<CancellationToken, ValueTask<Secret?>> credential, GitIdentity identity)
{
    public string GitDirectory { get; } = gitDirectory;

    public async Task<GitResult> RunAsync(IReadOnlyList<string> arguments, byte[]? input = null, bool check = true,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var secret = await credential(cancellationToken).ConfigureAwait(false);
        var variables = Isolate(secret);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        var request = new ProcessRequest("git", ["-c", "credential.helper=", "-c", "core.askPass=", .. arguments])
        {
            WorkingDirectory = GitDirectory,
            Environment = variables,
            Input = input is null ? null : ProcessInput.FromBytes(input),
            ThrowOnFailure = false,
        };
        ProcessResult run;
        try
        {
            run = await ProcessRunner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ProcessException exception) when (exception.Failure == ProcessFailure.NotStarted)
        {
            throw new PromotionException("git could not be started; install git and put it on PATH.", exception);
        }

        // stderr comes back redacted: the credential is a Secret, so every form of it (raw, in the Basic header) is masked.
        var result = new GitResult(run.ExitCode, run.StandardOutputBytes, run.StandardError);
        if (check && result.ExitCode != 0)
        {
            throw Failure(arguments, result);
        }

        return result;
    }

    public static PromotionGitException Failure(IReadOnlyList<string> arguments, GitResult result)
    {
        var command = string.Join(' ', arguments);
        return new PromotionGitException(command, result.ExitCode, result.StandardError,
            $"git {command} failed with exit code {result.ExitCode}: {result.StandardError.Trim()}. "
            + "Check the repository URL, the branch, and that the token may read and write the repository.");
    }

    private Dictionary<string, string?> Isolate(Secret? secret)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var key in System.Environment.GetEnvironmentVariables().Keys.OfType<string>().Where(k => k.StartsWith("GIT_", StringComparison.Ordinal)))
        {
            environment[key] = null;
        }

        environment["SSH_ASKPASS"] = null;
        environment["HOME"] = home;
        environment["XDG_CONFIG_HOME"] = Path.Combine(home, ".config");
        environment["GIT_CONFIG_NOSYSTEM"] = "1";
        environment["GIT_CONFIG_GLOBAL"] = Path.Combine(home, "empty.gitconfig");
        environment["GIT_TERMINAL_PROMPT"] = "0";
        environment["GIT_ASKPASS"] = "";
        environment["GIT_DIR"] = GitDirectory;
        environment["GIT_AUTHOR_NAME"] = identity.Name;
        environment["GIT_AUTHOR_EMAIL"] = identity.Email;
        environment["GIT_COMMITTER_NAME"] = identity.Name;
        environment["GIT_COMMITTER_EMAIL"] = identity.Email;
        environment["LC_ALL"] = "C";

        // An empty value first clears any header configured elsewhere; then this command's own.
        var headers = new List<string> { "" };
        if (secret is not null)
        {
            headers.Add("Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + secret.Reveal())));
        }

        environment["GIT_CONFIG_COUNT"] = headers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < headers.Count; i++)
        {
            environment[$"GIT_CONFIG_KEY_{i}"] = "http.extraHeader";
            environment[$"GIT_CONFIG_VALUE_{i}"] = headers[i];
        }

        return environment;
    }
}

/// <summary>What a git command printed.</summary>
internal sealed record GitResult(int ExitCode, byte[] StandardOutput, string StandardError)
{
    public string Text => Encoding.UTF8.GetString(StandardOutput).Trim();
}
