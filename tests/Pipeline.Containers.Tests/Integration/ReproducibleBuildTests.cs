using Pipeline.Containers.Tests.Support;
using Pipeline.Tests.Shared;

namespace Pipeline.Containers.Tests.Integration;

[Collection(DockerCollection.Name)]
public sealed class ReproducibleBuildTests(DockerFixture docker) : IDisposable
{
    private readonly string _root = TestTemp.Folder("pipeline-repro-");

    [DockerFact]
    public async Task The_same_commit_built_in_two_clones_gives_one_index_digest_with_each_platforms_own_config()
    {
        var source = Path.Combine(_root, "source");
        Directory.Move(await TestContexts.BusyboxAsync(), source);
        // As in most repositories: the context is the clone, and .git (which differs between clones) is not sent.
        File.WriteAllText(Path.Combine(source, ".dockerignore"), ".git\n");
        await GitAsync(source, "init", "-q", "-b", "main");
        await GitAsync(source, "add", "-A");
        await Shell.OutputAsync("env", "GIT_COMMITTER_DATE=2025-03-04T05:06:07Z", "git", "-C", source, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "app", "--date", "2025-03-04T05:06:07Z");
        var commit = (await GitAsync(source, "rev-parse", "HEAD")).Trim();
        var first = await CloneAsync(source, "first");
        var second = await CloneAsync(source, "second");
        // A clone made later: every file of it newer than in the first.
        foreach (var file in Directory.EnumerateFiles(second, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(1));
        }

        File.SetLastWriteTimeUtc(Path.Combine(second, "Dockerfile"), DateTime.UtcNow.AddDays(2));

        var one = await BuildAsync(first, docker.Repository("repro-a"), commit, noCache: false);
        var two = await BuildAsync(second, docker.Repository("repro-b"), commit, noCache: true);

        two.Digest.Should().Be(one.Digest);
        two.Platforms.Select(p => p.Digest).Should().Equal(one.Platforms.Select(p => p.Digest));
        using var registry = new RegistryClient();
        var pinned = await new DigestCapture(registry).CaptureAsync(two);
        pinned.Platforms.Select(p => (p.Platform.ToString(), p.ConfigArchitecture)).Should().BeEquivalentTo([("linux/amd64", "amd64"), ("linux/arm64", "arm64")]);
        var created = await Shell.OutputAsync("skopeo", "inspect", "--tls-verify=false", "--override-arch", "arm64", "--config", $"docker://{docker.Repository("repro-b")}@{two.Digest}");
        created.Should().Contain("\"created\": \"2025-03-04T05:06:07Z\"");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static async Task<BuiltImage> BuildAsync(string context, string repository, string commit, bool noCache)
    {
        var seconds = long.Parse((await GitAsync(context, "log", "-1", "--format=%ct")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using var builder = new MultiPlatformImageBuilder(new ImageBuilderOptions { ArtifactsDirectory = context + "-artifacts" });
        return await builder.BuildAsync(
            new ImageBuildRequest(repository, context)
            {
                SourceCommit = commit,
                SourceUrl = "https://example.invalid/app",
                Created = DateTimeOffset.FromUnixTimeSeconds(seconds),
                NoCache = noCache,
            },
            BuildStrategyKind.Engine);
    }

    private async Task<string> CloneAsync(string source, string name)
    {
        var target = Path.Combine(_root, name);
        await GitAsync(_root, "clone", "-q", source, target);
        return target;
    }

    private static Task<string> GitAsync(string directory, params string[] arguments) => Shell.OutputAsync("git", ["-C", directory, .. arguments]);
}
