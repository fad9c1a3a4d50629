using System.Text;
using Pipeline.GitHub;
using Pipeline.Promotion.Tests.Support;
using Pipeline.Promotion.Writers;

namespace Pipeline.Promotion.Tests.Writers;

public sealed class LocalTargetTests : IDisposable
{
    private const string Values = "image:\r\n  tag: \"1.0.0\" # CRLF file\r\nreplicas: 2\r\n";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("promotion-local-");

    public void Dispose()
    {
        foreach (var file in _folder.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            file.Attributes = FileAttributes.Normal;
        }

        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Git_method_pushes_one_commit_to_a_file_url_byte_for_byte()
    {
        var bare = await Git.BareRepositoryAsync(_folder.FullName, new Dictionary<string, string> { ["values.yaml"] = Values });
        var before = await Git.RunAsync(bare, "rev-parse", "main");
        var request = Request(PromotionTarget.GitUrl(new Uri(bare).AbsoluteUri), "1.1.0");

        var result = (await new Promoter().PromoteAsync(request)).Results.Single();

        result.Status.Should().Be(PromotionStatus.Committed);
        result.Method.Should().Be(WriteMethod.Git);
        (await Git.RunAsync(bare, "rev-parse", "main")).Should().Be(result.CommitSha);
        (await Git.RunAsync(bare, "rev-parse", "main^")).Should().Be(before);
        (await Git.BytesAsync(bare, "cat-file", "blob", "main:values.yaml")).Should().Equal(Encoding.UTF8.GetBytes(Values.Replace("1.0.0", "1.1.0", StringComparison.Ordinal)));
        (await Git.RunAsync(bare, "log", "-1", "--format=%an <%ae>|%s")).Should().Be("Pipeline Promotion <promotion@pipeline.invalid>|Promote app to prod: 1.1.0");
    }

    [Fact]
    public async Task Git_method_reapplies_after_a_competing_push_to_a_file_url()
    {
        var bare = await Git.BareRepositoryAsync(_folder.FullName, new Dictionary<string, string> { ["values.yaml"] = Values });
        string? competitor = null;
        var promoter = new Promoter(new PromoterOptions
        {
            Delay = (_, _) => Task.CompletedTask,
            InterceptWriter = inner => new AfterReadWriter(inner, async (read, _) =>
            {
                if (read == 1)
                {
                    competitor = await Git.CommitToBareAsync(bare, "main", "values.yaml", t => t.Replace("replicas: 2", "replicas: 4", StringComparison.Ordinal), "scale");
                }
            }),
        });

        var result = (await promoter.PromoteAsync(Request(PromotionTarget.GitUrl(new Uri(bare).AbsoluteUri), "1.2.0"))).Results.Single();

        result.Attempts.Should().Be(2);
        (await Git.RunAsync(bare, "rev-parse", "main^")).Should().Be(competitor);
        (await Git.BytesAsync(bare, "cat-file", "blob", "main:values.yaml")).Should().Equal(
            Encoding.UTF8.GetBytes(Values.Replace("1.0.0", "1.2.0", StringComparison.Ordinal).Replace("replicas: 2", "replicas: 4", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Git_commands_never_read_global_or_system_configuration()
    {
        var home = Directory.CreateDirectory(Path.Combine(_folder.FullName, "home")).FullName;
        var gitDirectory = Directory.CreateDirectory(Path.Combine(_folder.FullName, "probe.git")).FullName;
        var secret = new Secret("ghs_probeTokenValue123");
        var git = new GitProcess(gitDirectory, home, _ => ValueTask.FromResult<Secret?>(secret), Support.Writers.Committer);
        await git.RunAsync(["init", "--bare", "-q"]);

        var config = (await git.RunAsync(["config", "--list", "--show-origin", "--show-scope"])).Text.Split('\n');

        config.Should().NotContain(line => line.StartsWith("global", StringComparison.Ordinal) || line.StartsWith("system", StringComparison.Ordinal));
        config.Should().Contain(line => line.StartsWith("command", StringComparison.Ordinal) && line.EndsWith("credential.helper=", StringComparison.Ordinal));
        config.Should().Contain(line => line.StartsWith("command", StringComparison.Ordinal) && line.Contains("http.extraheader=Authorization: Basic ", StringComparison.Ordinal));
        Directory.EnumerateFileSystemEntries(home).Should().BeEmpty("git found nothing to read in the isolated home");
    }

    [Fact]
    public async Task Git_failures_never_show_the_token()
    {
        var secret = new Secret("ghp_doNotLeakThisToken0000000000000000");
        await using var writer = new GitWriter("http://127.0.0.1:9/nowhere.git", _ => ValueTask.FromResult<Secret?>(secret), Support.Writers.Committer);

        var act = () => writer.ReadAsync("main", ["values.yaml"]);

        var error = (await act.Should().ThrowAsync<PromotionGitException>()).Which;
        secret.IsContainedIn(error.Message).Should().BeFalse();
        secret.IsContainedIn(error.StandardError).Should().BeFalse();
        secret.IsContainedIn(error.Arguments).Should().BeFalse();
    }

    [Fact]
    public async Task Worktree_method_edits_files_in_place_without_git()
    {
        var checkout = Directory.CreateDirectory(Path.Combine(_folder.FullName, "checkout")).FullName;
        Fixtures.CopyTo("ai-reliability", checkout);
        var spec = Fixtures.Spec("ai-reliability");
        var image = Images.Pinned("ghcr.io/org/ai-service", "1.4.0");

        var result = (await new Promoter().PromoteAsync(new PromotionRequest(PromotionTarget.Directory(checkout), image)
        {
            Spec = spec,
            Source = new PromotionSource("org/ai-reliability", "3333333333333333333333333333333333333333") { Branch = "main" },
            AllowMovedSource = true,
        })).Results.Single();

        result.Status.Should().Be(PromotionStatus.Written);
        result.CommitSha.Should().BeNull();
        result.Files.Select(f => f.Path).Should().Equal("platform/ai-reliability/rollout.yaml", "platform/ai-reliability/kustomization.yaml");
        File.ReadAllText(Path.Combine(checkout, "platform/ai-reliability/rollout.yaml")).Should().Contain($"image: {image}\n");
        File.ReadAllText(Path.Combine(checkout, "platform/ai-reliability/kustomization.yaml")).Should().EndWith($"    newTag: 1.4.0\n    digest: {image.Digest}\n");
        Directory.EnumerateFiles(checkout, "*.promote-*", SearchOption.AllDirectories).Should().BeEmpty();
        Directory.Exists(Path.Combine(checkout, ".git")).Should().BeFalse();
    }

    [Fact]
    public async Task Worktree_method_notices_a_file_changed_after_it_was_read()
    {
        var checkout = Directory.CreateDirectory(Path.Combine(_folder.FullName, "checkout")).FullName;
        await File.WriteAllTextAsync(Path.Combine(checkout, "values.yaml"), Values);
        var promoter = new Promoter(new PromoterOptions
        {
            Delay = (_, _) => Task.CompletedTask,
            InterceptWriter = inner => new AfterReadWriter(inner, async (read, _) =>
            {
                if (read == 1)
                {
                    var path = Path.Combine(checkout, "values.yaml");
                    await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("replicas: 2", "replicas: 9", StringComparison.Ordinal));
                }
            }),
        });

        var result = (await promoter.PromoteAsync(Request(PromotionTarget.Directory(checkout), "1.3.0"))).Results.Single();

        result.Attempts.Should().Be(2);
        (await File.ReadAllTextAsync(Path.Combine(checkout, "values.yaml"))).Should().Be(
            Values.Replace("1.0.0", "1.3.0", StringComparison.Ordinal).Replace("replicas: 2", "replicas: 9", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Worktree_cannot_open_pull_requests()
    {
        var checkout = Directory.CreateDirectory(Path.Combine(_folder.FullName, "checkout")).FullName;
        await File.WriteAllTextAsync(Path.Combine(checkout, "values.yaml"), Values);
        var request = Request(PromotionTarget.Directory(checkout), "1.3.0") with { Spec = Promotions.SimpleSpec("    mode: pull-request") };

        var act = () => new Promoter().PromoteAsync(request);

        (await act.Should().ThrowAsync<PromotionRequestException>()).WithMessage("*pull request needs a repository on GitHub*");
    }

    [Fact]
    public void Targets_parse_from_the_command_line_forms()
    {
        PromotionTarget.Parse("acme/gitops").Kind.Should().Be(PromotionTargetKind.GitHub);
        PromotionTarget.Parse("https://git.example/acme/gitops.git").Kind.Should().Be(PromotionTargetKind.GitUrl);
        PromotionTarget.Parse("file:///srv/gitops.git").Kind.Should().Be(PromotionTargetKind.GitUrl);
        PromotionTarget.Parse(_folder.FullName).Kind.Should().Be(PromotionTargetKind.Directory);
        PromotionTarget.Parse("acme/gitops").DefaultWriteMethod.Should().Be(WriteMethod.GraphQL);
        var act = () => PromotionTarget.GitUrl("https://user:pw@git.example/acme/gitops.git");
        act.Should().Throw<ArgumentException>().WithMessage("*carries credentials*");
        WriteMethods.Parse("git-data").Should().Be(WriteMethod.GitData);
        WriteMethod.GraphQL.ToName().Should().Be("graphql");
        FluentActions.Invoking(() => WriteMethods.Parse("ftp")).Should().Throw<FormatException>().WithMessage("*graphql, git-data, contents, git, worktree, dispatch*");
    }

    private static PromotionRequest Request(PromotionTarget target, string tag) => new(target, Images.Pinned("ghcr.io/org/app", tag))
    {
        Spec = Promotions.SimpleSpec(),
        Source = new PromotionSource("org/app", "4444444444444444444444444444444444444444"),
    };
}
