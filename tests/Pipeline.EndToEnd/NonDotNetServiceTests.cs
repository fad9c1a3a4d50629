using System.Text.Json;

namespace Pipeline.EndToEnd;

/// <summary>
/// A team that does not build with .NET, from a fresh clone: the <c>pipeline</c> tool installed from the packed
/// artifacts (dotnet tool install, and dnx), the sample service (no C#, FROM scratch, a server) in a repository of
/// its own, rehearsed into a GitOps directory of its own with one spec and promoted through the apply-dispatch path,
/// then again with nothing to do. Uses the real Docker engine, registry, git and the local GitHub server.
/// </summary>
public sealed class NonDotNetServiceTests(PackedRepository packed) : IClassFixture<PackedRepository>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("pipeline-team-").FullName;

    [DockerFact]
    public void The_sample_service_is_rehearsed_and_promoted_through_apply_dispatch_with_the_packed_tool_and_no_csharp()
    {
        packed.TagPack.ExitCode.Should().Be(0, packed.TagPack.All);
        var tools = Path.Combine(_work, "tools");
        var install = RepositoryClone.Run("dotnet", ["tool", "install", "Pipeline.Tool", "--tool-path", tools, "--add-source", packed.Feed, "--version", packed.TagVersion], _work);
        install.ExitCode.Should().Be(0, install.All);
        var pipeline = Path.Combine(tools, "pipeline");

        var service = Copy("hello-service", "app");
        var gitops = Copy("hello-gitops", "gitops");
        Directory.EnumerateFiles(service, "*.cs", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(service, "*.*proj", SearchOption.AllDirectories))
            .Should().BeEmpty("the team writes no C#");
        Git(service, "init", "-q", "-b", "main");
        Git(service, "add", "-A");
        Git(service, "commit", "-q", "-m", "hello-service");
        var head = Git(service, "rev-parse", "HEAD").Trim();
        RepositoryClone.Run("sh", ["prepare.sh"], service).ExitCode.Should().Be(0);

        var version = RepositoryClone.Run(pipeline, ["--version"], service);
        version.Output.Trim().Should().Be(packed.TagVersion);
        var test = RepositoryClone.Run(pipeline, ["test"], service);
        test.ExitCode.Should().Be(0, test.All);
        test.Output.Should().Contain("3 passed, 0 failed").And.Contain("test command passed");

        string[] rehearse = ["rehearse", "--rehearsal-gitops", "../gitops", "--rehearsal-image", $"localhost:{FreePort()}/example/hello-service", "--write-method", "Dispatch"];
        var first = RepositoryClone.Run(pipeline, rehearse, service);

        first.ExitCode.Should().Be(0, first.All);
        first.Output.Should().Contain("Rehearsal result")
            .And.Contain("Running: Promote --skip Test").And.Contain("--write-method Dispatch")
            .And.Contain("Receiving the dispatch as the GitOps repository's workflow: ApplyDispatch --dispatch-event")
            .And.Contain("dispatched hello-service to rehearsal/gitops; applied by ApplyDispatch")
            .And.Contain("dev        Committed")
            .And.Contain("prod       PullRequestMerged")
            .And.Contain("pinned     prod: main:environments/prod/kustomization.yaml")
            .And.MatchRegex(@"index\s+linux/amd64, linux/arm64 in sha256:[0-9a-f]{64}, built from " + head)
            .And.MatchRegex(@"runs\s+docker run on this machine \([^)]+\): reports commit " + head);
        first.Lines[^1].Should().StartWith("Build succeeded");

        var second = RepositoryClone.Run(pipeline, rehearse, service);
        second.ExitCode.Should().Be(0, second.All);
        second.Output.Should().Contain("(already built: nothing new built)").And.Contain("Already promoted: every environment pins this image; nothing was written.");
        Git(service, "status", "--porcelain").Should().BeEmpty("the tool writes only git-ignored records and state");
        File.ReadAllText(Path.Combine(gitops, "promotion.yaml")).Should().Be(File.ReadAllText(Path.Combine(packed.Clone.Root, "samples", "hello-gitops", "promotion.yaml")));

        using var promotion = JsonDocument.Parse(File.ReadAllText(Path.Combine(service, "artifacts", "promotion.json")));
        promotion.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()).Should().AllBe("AlreadyPromoted");
    }

    [Fact]
    public void The_packed_tool_runs_with_dnx_without_being_installed()
    {
        packed.TagPack.ExitCode.Should().Be(0, packed.TagPack.All);
        var dnx = Path.Combine(Path.GetDirectoryName(RepositoryClone.Run("sh", ["-c", "readlink -f \"$(command -v dotnet)\""], _work).Output.Trim())!, "dnx");

        var run = RepositoryClone.Run(dnx, [$"Pipeline.Tool@{packed.TagVersion}", "--source", packed.Feed, "--yes", "--", "--version"], _work);

        run.ExitCode.Should().Be(0, run.All);
        run.Output.Trim().Split('\n')[^1].Should().Be(packed.TagVersion);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private string Copy(string sample, string name)
    {
        var source = Path.Combine(packed.Clone.Root, "samples", sample);
        var target = Path.Combine(_work, name);
        RepositoryClone.Run("cp", ["-r", source, target], _work).ExitCode.Should().Be(0);
        return target;
    }

    private static string Git(string directory, params string[] arguments)
    {
        var result = RepositoryClone.Run("git", arguments, directory, new Dictionary<string, string?>
        {
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_AUTHOR_NAME"] = "Team", ["GIT_AUTHOR_EMAIL"] = "team@example.com",
            ["GIT_COMMITTER_NAME"] = "Team", ["GIT_COMMITTER_EMAIL"] = "team@example.com",
        });
        result.ExitCode.Should().Be(0, result.All);
        return result.Output;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
