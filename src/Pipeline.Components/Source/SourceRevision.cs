using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>
/// The source the build runs on: the commit, branch, repository and message, from GitHub Actions' variables
/// when present, else from git. The image is built from <see cref="Commit"/>, and promotions name it.
/// </summary>
/// <param name="Commit">The full commit SHA.</param>
/// <param name="Branch">The branch, or null on a detached HEAD.</param>
/// <param name="RepositoryUrl">The URL of the source repository, or null.</param>
/// <param name="Message">The commit's subject line.</param>
/// <param name="RunUrl">The URL of the CI run, or null outside CI.</param>
/// <param name="IsDirty">Whether the working tree has uncommitted changes (never on CI).</param>
public sealed record SourceRevision(string Commit, string? Branch, string? RepositoryUrl, string? Message, string? RunUrl, bool IsDirty)
{
    /// <summary>The first seven characters of the commit.</summary>
    public string ShortCommit => Commit[..Math.Min(7, Commit.Length)];

    /// <summary>Reads the revision of the repository at the build's root.</summary>
    public static async Task<SourceRevision> ReadAsync(IPipelineBuild build, CancellationToken cancellationToken)
    {
        var env = build.EnvironmentVariables;
        string? Env(string name) => env.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        async Task<string?> Git(params string[] arguments)
        {
            var result = await ProcessRunner.RunAsync(new ProcessRequest("git", arguments)
            { WorkingDirectory = build.RootDirectory, ThrowOnFailure = false }, cancellationToken).ConfigureAwait(false);
            var text = result.StandardOutput.Trim();
            return result.ExitCode == 0 && text.Length > 0 ? text : null;
        }

        var commit = Env("GITHUB_SHA") ?? await Git("rev-parse", "HEAD").ConfigureAwait(false)
            ?? throw new BuildException($"{build.RootDirectory} is not a git repository with a commit; the image is tagged and pinned by its source commit, so commit first (git init && git commit).");
        var branch = Env("GITHUB_HEAD_REF") ?? Env("GITHUB_REF_NAME") ?? await Git("symbolic-ref", "--short", "-q", "HEAD").ConfigureAwait(false);
        var server = Env("GITHUB_SERVER_URL");
        var repository = Env("GITHUB_REPOSITORY");
        var url = server != null && repository != null ? $"{server}/{repository}" : await Git("remote", "get-url", "origin").ConfigureAwait(false);
        var runUrl = server != null && repository != null && Env("GITHUB_RUN_ID") is { } run ? $"{server}/{repository}/actions/runs/{run}" : null;
        var message = await Git("log", "-1", "--format=%s", commit).ConfigureAwait(false);
        // What the build itself writes (records, rehearsal state) does not make the source dirty, ignored by git or not.
        var dirty = Env("GITHUB_ACTIONS") is null
            && HasChanges(await Git("status", "--porcelain", "--untracked-files=normal", "--", ".", ":(exclude)artifacts", ":(exclude).nuke/temp").ConfigureAwait(false));
        return new SourceRevision(commit, branch, url is null ? null : WithoutCredentials(url), message, runUrl, dirty);
    }

    /// <summary>
    /// Whether <c>git status --porcelain</c> shows a change. The build's own <c>.nuke/build.schema.json</c> does not count: a
    /// consumer's first run writes it before it is committed, and it goes into no image.
    /// </summary>
    internal static bool HasChanges(string? porcelain) =>
        porcelain is not null && porcelain.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Any(line => !line.TrimEnd().EndsWith(".nuke/build.schema.json", StringComparison.Ordinal));

    /// <summary>A remote URL with any user info removed, so a token in <c>https://x:TOKEN@host/</c> never travels on.</summary>
    internal static string WithoutCredentials(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString().TrimEnd('/')
            : url;
}
