using Pipeline.Components.Tests.Support;
using Pipeline.Targets;

namespace Pipeline.Components.Tests;

public sealed class SourceRevisionTests : IDisposable
{
    private readonly BuildRun _run = new();

    [Theory]
    [InlineData("https://x-access-token:ghs_secret@github.com/org/app.git", "https://github.com/org/app.git")]
    [InlineData("https://octocat@github.com/org/app", "https://github.com/org/app")]
    [InlineData("https://user:pass@git.example.com:8443/scm/app.git", "https://git.example.com:8443/scm/app.git")]
    public void WithoutCredentials_removes_the_user_info_of_a_remote_url(string remote, string expected) =>
        SourceRevision.WithoutCredentials(remote).Should().Be(expected);

    [Theory]
    [InlineData("https://github.com/org/app.git")]
    [InlineData("git@github.com:org/app.git")]
    [InlineData("/srv/git/app.git")]
    public void WithoutCredentials_leaves_a_url_without_user_info_as_it_is(string remote) =>
        SourceRevision.WithoutCredentials(remote).Should().Be(remote);

    [Fact]
    public async Task ReadAsync_takes_commit_branch_message_and_a_credential_free_origin_from_git()
    {
        await Git.InitAsync(_run.Root, "Add the service");
        await Git.RunAsync(_run.Root, "remote", "add", "origin", "https://x-access-token:ghs_secret@github.com/org/app.git");
        var head = await Git.RunAsync(_run.Root, "rev-parse", "HEAD");

        var revision = await ReadAsync();

        revision.Should().Be(new SourceRevision(head, "main", "https://github.com/org/app.git", "Add the service", RunUrl: null, IsDirty: false));
        revision.ShortCommit.Should().Be(head[..7]);
    }

    [Fact]
    public async Task ReadAsync_reports_uncommitted_changes_as_dirty()
    {
        await Git.InitAsync(_run.Root, "First");
        await File.WriteAllTextAsync(Path.Combine(_run.Root, "new-file.txt"), "not committed\n");

        var revision = await ReadAsync();

        revision.IsDirty.Should().BeTrue();
    }

    [Fact]
    public async Task ReadAsync_prefers_the_variables_of_GitHub_Actions_and_never_calls_the_tree_dirty_there()
    {
        await Git.InitAsync(_run.Root, "Built on CI");
        await File.WriteAllTextAsync(Path.Combine(_run.Root, "generated.txt"), "written by an earlier step\n");
        var head = await Git.RunAsync(_run.Root, "rev-parse", "HEAD");
        _run.Environment["GITHUB_ACTIONS"] = "true";
        _run.Environment["GITHUB_SHA"] = head;
        _run.Environment["GITHUB_REF_NAME"] = "release/2";
        _run.Environment["GITHUB_SERVER_URL"] = "https://github.com";
        _run.Environment["GITHUB_REPOSITORY"] = "org/app";
        _run.Environment["GITHUB_RUN_ID"] = "4711";

        var revision = await ReadAsync();

        revision.Should().Be(new SourceRevision(head, "release/2", "https://github.com/org/app", "Built on CI", "https://github.com/org/app/actions/runs/4711", IsDirty: false));
    }

    [Fact]
    public async Task ReadAsync_outside_a_git_repository_fails_and_says_to_commit_first()
    {
        var build = new RevisionBuild();

        var outcome = await _run.RunAsync(build, "Read");

        outcome.ExitCode.Should().Be(BuildOutcome.Failure);
        _run.Output.Should().Contain("is not a git repository with a commit").And.Contain("git init && git commit");
    }

    private async Task<SourceRevision> ReadAsync()
    {
        var build = new RevisionBuild();
        var outcome = await _run.RunAsync(build, "Read");
        outcome.ExitCode.Should().Be(BuildOutcome.Success, _run.Output);
        return build.Revision!;
    }

    public void Dispose() => _run.Dispose();

    private sealed class RevisionBuild : PipelineBuild
    {
        public SourceRevision? Revision { get; private set; }

        Target Read => _ => _.Executes(async context => Revision = await SourceRevision.ReadAsync(this, context.CancellationToken));
    }
}
