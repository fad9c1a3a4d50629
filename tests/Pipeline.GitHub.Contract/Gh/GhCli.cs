using Pipeline.Processes;
using Pipeline.Rehearsal.GitHub;

namespace GitHubContract.Gh;

/// <summary>
/// Runs the GitHub CLI against the local server as a GitHub Enterprise host: <c>GH_HOST</c> is the server's
/// <c>127.0.0.1:PORT</c> (REST under <c>/api/v3</c>, GraphQL at <c>/api/graphql</c>), the token comes from
/// <c>GH_ENTERPRISE_TOKEN</c>, the server's certificate is trusted through <c>SSL_CERT_FILE</c>, and gh's own
/// configuration lives in a folder of its own.
/// </summary>
public sealed class GhCli : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("gh-contract-").FullName;
    private readonly Dictionary<string, string> _environment;

    public GhCli(LocalGitHubServer server, string token)
    {
        var certificate = Path.Combine(_home, "server.pem");
        File.WriteAllText(certificate, server.CertificatePem ?? throw new InvalidOperationException("gh needs the server started with Https = true."));
        Host = server.BaseUrl.Authority;
        _environment = new Dictionary<string, string>
        {
            ["GH_HOST"] = Host,
            ["GH_ENTERPRISE_TOKEN"] = token,
            ["GH_CONFIG_DIR"] = Path.Combine(_home, "config"),
            ["SSL_CERT_FILE"] = certificate,
            ["GIT_SSL_CAINFO"] = certificate,
            ["GH_PROMPT_DISABLED"] = "1",
            ["GH_NO_UPDATE_NOTIFIER"] = "1",
            ["NO_COLOR"] = "1",
            ["GH_PAGER"] = "cat",
            ["HOME"] = _home,
            // gh keeps a cache in TMPDIR (gh-cli-cache): in the folder of its own, it goes with it.
            ["TMPDIR"] = Directory.CreateDirectory(Path.Combine(_home, "tmp")).FullName,
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GH_DEBUG"] = Environment.GetEnvironmentVariable("GH_CONTRACT_DEBUG") ?? "",
        };
    }

    /// <summary><c>127.0.0.1:PORT</c>: the host gh knows the server by.</summary>
    public string Host { get; }

    /// <summary>True when the <c>gh</c> program can be started.</summary>
    public static bool IsInstalled => Run(["--version"], new Dictionary<string, string>(), Path.GetTempPath()).ExitCode == 0;

    public (int ExitCode, string Output, string Error) Run(params string[] arguments) => Run(arguments, _environment, _home);

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string directory)
    {
        var request = new ProcessRequest("gh", arguments.ToList())
        {
            WorkingDirectory = directory,
            Environment = environment.ToDictionary(e => e.Key, e => (string?)e.Value),
            Timeout = TimeSpan.FromMinutes(2),
            ThrowOnFailure = false,
        };
        try
        {
            var result = ProcessRunner.RunAsync(request).GetAwaiter().GetResult();
            return (result.ExitCode, result.StandardOutput, result.StandardError);
        }
        catch (ProcessException e) when (e.Failure == ProcessFailure.NotStarted)
        {
            return (-1, "", "gh could not be started: " + e.Message);
        }
    }
}
