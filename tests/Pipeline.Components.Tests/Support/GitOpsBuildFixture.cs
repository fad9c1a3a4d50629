using System.Security.Cryptography;
using Pipeline.Rehearsal.GitHub;
using Pipeline.Targets;

namespace Pipeline.Components.Tests.GitOps;

/// <summary>
/// A GitOps repository <c>acme/gitops</c> on the local GitHub server with an App installed on it, and a source
/// repository (git, one commit) that builds run in, as a CI job's checkout would be.
/// </summary>
internal sealed class GitOpsBuildFixture : IAsyncDisposable
{
    private GitOpsBuildFixture(LocalGitHubServer server, string root, string key, long appId)
    {
        Server = server;
        Root = root;
        Key = key;
        AppId = appId;
    }

    public LocalGitHubServer Server { get; }
    public string Root { get; }
    public string Key { get; }
    public long AppId { get; }

    public static async Task<GitOpsBuildFixture> StartAsync(IReadOnlyDictionary<string, string> files, long appId)
    {
        var server = await LocalGitHubServer.StartAsync();
        var seed = Directory.CreateTempSubdirectory("pipeline-gitops-seed-").FullName;
        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(seed, path))!);
            await File.WriteAllTextAsync(Path.Combine(seed, path), text);
        }
        await server.CreateRepositoryAsync("acme", "gitops", "main", seed);
        using var rsa = RSA.Create(2048);
        var key = rsa.ExportRSAPrivateKeyPem();
        server.RegisterApp(appId, $"Iv1.app{appId}", key, $"app-{appId}");
        server.InstallApp(appId, "acme", ["gitops"]);

        var root = Directory.CreateTempSubdirectory("pipeline-source-").FullName;
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        var fixture = new GitOpsBuildFixture(server, root, key, appId);
        fixture.Git("init", "--quiet", "--initial-branch", "main");
        fixture.Commit("feat: the built change");
        return fixture;
    }

    public Task<(BuildOutcome Outcome, string Output)> RunAsync(PipelineBuild build, params string[] arguments) =>
        RunAsync(build, new Dictionary<string, string>(), arguments);

    /// <summary>Runs <paramref name="build"/> with <paramref name="environment"/> on top of the fixture's own variables.</summary>
    public async Task<(BuildOutcome Outcome, string Output)> RunAsync(PipelineBuild build, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var output = new StringWriter();
        var outcome = await BuildEngine.RunAsync(build, new BuildInvocation(arguments)
        {
            Environment = new Dictionary<string, string>(environment)
            {
                ["GITOPS_REPOSITORY"] = "acme/gitops",
                ["GITHUB_API_URL"] = Server.ApiUrl.ToString(),
                ["GITHUB_APP_ID"] = AppId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["GITHUB_APP_PRIVATE_KEY"] = Key,

                // The images these builds promote are made up (no registry holds them); verifying pins in the
                // registry is the Components tests' subject.
                ["NO_VERIFY_IMAGE"] = "true",
            },
            Output = output,
            WorkingDirectory = Root,
            IsTerminal = false,
        });
        return (outcome, output.ToString());
    }

    /// <summary><c>git show</c> in the GitOps repository behind the server.</summary>
    public async Task<string> ShowAsync(params string[] what) =>
        (await ProcessRunner.RunAsync(new ProcessRequest("git", ["--git-dir", Server.BareRepositoryPath("acme", "gitops"), "show", .. what]) { ThrowOnFailure = false })).StandardOutput;

    public void Commit(string message) => Git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "--allow-empty", "-m", message);

    /// <summary>git in the source repository; returns its output.</summary>
    public string Git(params string[] arguments) =>
        ProcessRunner.RunAsync(new ProcessRequest("git", arguments) { WorkingDirectory = Root }).GetAwaiter().GetResult().StandardOutput.Trim();

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
