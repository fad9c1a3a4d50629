using Pipeline.Containers.Tests.Support;
using Pipeline.Tests.Shared;

namespace Pipeline.Containers.Tests.Integration;

/// <summary>
/// The direct strategy against the engine it stands in for: for every Dockerfile it takes, the index it pushes has
/// the digest the engine strategy's has (same layers, entries, modes, owners, config and history), so a user cannot
/// tell which one built the image.
/// </summary>
[Collection(DockerCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DirectStrategyTests(DockerFixture docker)
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";
    private static readonly DateTimeOffset Created = DateTimeOffset.Parse("2026-01-02T03:04:05Z", System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string, string> Dockerfiles => new()
    {
        { "files-into-folders", "FROM scratch\nCOPY a.txt /bin/a\nCOPY b.sh /bin/\n" },
        { "folder-contents", "FROM scratch\nCOPY dir /opt/d\nCOPY dir/ /opt/e/\n" },
        { "workdir", "FROM scratch\nWORKDIR /app\nCOPY a.txt .\nWORKDIR sub\nWORKDIR /app\nCOPY b.sh ./tools/\n" },
        { "owners", "FROM scratch\nCOPY --chown=1000:1000 dir /srv/\nCOPY --chown=5 a.txt /srv/a\nUSER 7:8\nWORKDIR /w/x\nCOPY --chmod=0600 a.txt b.sh /x/\n" },
        { "config", "FROM scratch\nCOPY a.txt /a\nLABEL a=b \"c d\"=\"e f\"\nUSER 1000:1000\nVOLUME [\"/data\", \"/logs\"]\nVOLUME /cache\nSTOPSIGNAL SIGTERM\nEXPOSE 80 443/tcp 53/udp 8000-8002 9/TCP\nENV A=1 B=\"two words\"\nENV C 3 4\nENV A=${A}1 PATH=/bin:$PATH\nENTRYPOINT echo hi\nCMD [\"it\\\"s\", \"a b\"]\n" },
        { "args", "ARG BASE=scratch\nARG X\nFROM ${BASE} AS final\nARG TARGETPLATFORM\nARG TARGETOS\nARG TARGETARCH\nARG TARGETVARIANT\nARG X\nARG Y=def\nARG Z=${Y}-z\nCOPY rootfs/${TARGETARCH}.txt /arch\nENV P=$TARGETPLATFORM O=$TARGETOS A=$TARGETARCH V=$TARGETVARIANT X=$X Y=${Y} Z=${X:-zz} W=${Y:+set} Q='$X' R=\"$X\"\n" },
        { "links-and-context", "FROM scratch\nCOPY link /l1\nCOPY . /all/\n" },
        { "wildcards", "FROM scratch\nCOPY *.txt /t/\nCOPY dir/*/y.txt /u/\nCOPY nothing-* /none/\n" },
        { "replaced-and-deep", "FROM scratch\nCOPY a.txt /same\nCOPY b.sh /same\nCOPY dir /usr/local/lib/d\nCOPY a.txt /usr/local/lib/d/a\n" },
        { "escape-and-continuation", "# escape=`\nFROM scratch\n# a comment\nCOPY a.txt `\n  # inside the continuation\n  /c/\nCMD [\"C:\\\\x\"]\n" },
    };

    [DockerTheory]
    [MemberData(nameof(Dockerfiles))]
    public async Task Direct_pushes_the_index_the_engine_builds(string name, string dockerfile)
    {
        var context = Context(dockerfile);
        var request = new ImageBuildRequest(docker.Repository($"direct-{name}-engine"), context)
        {
            SourceCommit = Commit,
            Created = Created,
            BuildArgs = new Dictionary<string, string> { ["X"] = "given" },
            Labels = new Dictionary<string, string> { ["a"] = "from the build" },
        }.WithPlatforms("linux/amd64,linux/arm64,linux/arm/v7");
        using var builder = new MultiPlatformImageBuilder();

        var engine = await builder.BuildAsync(request, BuildStrategyKind.Engine);
        var direct = await builder.BuildAsync(request with { Repository = docker.Repository($"direct-{name}-direct") }, BuildStrategyKind.Direct);

        direct.Strategy.Should().Be("direct");
        direct.Platforms.Should().Equal(engine.Platforms);
        direct.Digest.Should().Be(engine.Digest);
    }

    [DockerFact]
    public async Task Direct_pushes_the_demo_service_the_engine_builds_and_needs_no_engine()
    {
        var context = await TestContexts.DemoServiceAsync();
        var request = new ImageBuildRequest(docker.Repository("direct-demo-engine"), context) { SourceCommit = Commit, Version = "1.0.0", Created = Created };
        using var builder = new MultiPlatformImageBuilder();
        var engine = await builder.BuildAsync(request, BuildStrategyKind.Engine);
        var output = new LineCollector();
        using var withoutEngine = new MultiPlatformImageBuilder(new ImageBuilderOptions
        {
            Endpoint = DockerEndpoint.Parse("unix:///nonexistent/docker.sock"),
            Output = output,
        });

        var direct = await withoutEngine.BuildAsync(request with { Repository = docker.Repository("direct-demo-direct") });

        direct.Strategy.Should().Be("direct");
        direct.Digest.Should().Be(engine.Digest);
        output.Text.Should().Contain("with the direct strategy").And.Contain("[linux/arm64] pushed");
        var pinned = await withoutEngine.CaptureAsync(direct);
        pinned.Platforms.Select(p => p.ConfigArchitecture).Should().Equal("amd64", "arm64");
    }

    [DockerFact]
    public async Task Auto_hands_a_dockerfile_with_a_RUN_to_the_engine_and_says_which_line_needs_it()
    {
        var context = await TestContexts.BusyboxAsync(architectures: "amd64");
        var output = new LineCollector();
        using var builder = new MultiPlatformImageBuilder(new ImageBuilderOptions { Output = output });

        var built = await builder.BuildAsync(new ImageBuildRequest(docker.Repository("direct-auto-run"), context) { SourceCommit = Commit, Platforms = [Platform.LinuxAmd64] });

        built.Strategy.Should().BeOneOf("engine", "buildx");
        output.Text.Should().Contain("The Dockerfile needs an engine (Dockerfile:6: RUN executes a command in a container");
    }

    [DockerFact]
    public async Task Direct_refuses_what_needs_an_engine_or_is_wrong_before_anything_is_pushed()
    {
        using var builder = new MultiPlatformImageBuilder();
        var cases = new (string Dockerfile, string Message, bool NeedsEngine)[]
        {
            ("FROM scratch\nCOPY a.txt /a\nRUN [\"/a\"]\n", "Dockerfile:3: RUN executes a command in a container*", true),
            ("FROM alpine:3\nCOPY a.txt /a\n", "Dockerfile:1: FROM alpine:3 starts from a base image*", true),
            ("FROM scratch\nCOPY missing.txt /a\n", "Dockerfile:2: COPY source 'missing.txt' is not in the build context (or .dockerignore leaves it out)*", false),
            ("FROM scratch\nCOPY ignored.txt /a\n", "Dockerfile:2: COPY source 'ignored.txt' is not in the build context*", false),
            ("FROM scratch\nCOPY ../secret /a\n", "Dockerfile:2: COPY source '../secret' is outside the build context*", false),
            ("FROM scratch\nCOPY a.txt b.sh /x\n", "Dockerfile:2: COPY of several sources needs a folder as the destination, ending in /: write /x/.", false),
            ("FROM scratch\nCOPY --chown=app a.txt /a\n", "Dockerfile:2: COPY --chown app names a user or group*", true),
            ("FROM scratch\nCOPY a.txt /a\nCOPY b.sh /a/b\n", "Dockerfile:3: COPY b.sh /a/b: /a is a file in the image, not a folder.", false),
            ("FROM scratch\nENV A=${B:?required}\n", "Dockerfile:2: ENV ${B:?required}: B: required.", false),
            ("FROM scratch\nCOPY a.txt /a\nEXPOSE 80/http\n", "Dockerfile:3: EXPOSE '80/http' is not a port*", false),
            ("COPY a.txt /a\nFROM scratch\n", "Dockerfile:1: COPY comes before FROM*", false),
        };

        foreach (var (dockerfile, message, needsEngine) in cases)
        {
            var repository = docker.Repository("direct-refused");
            var act = () => builder.BuildAsync(new ImageBuildRequest(repository, Context(dockerfile)) { SourceCommit = Commit }, BuildStrategyKind.Direct);

            (await act.Should().ThrowAsync<DockerfileException>(dockerfile)).WithMessage(message).Which.NeedsEngine.Should().Be(needsEngine, dockerfile);
            using var registry = new RegistryClient();
            (await registry.HeadManifestAsync(ImageReference.Parse($"{repository}:0123456"))).Should().BeNull("nothing is pushed for " + dockerfile);
        }
    }

    /// <summary>
    /// A context with files of several modes, folders, a link, an ignored file, and a file per architecture.
    /// </summary>
    private static string Context(string dockerfile)
    {
        var folder = TestTemp.Folder("pipeline-direct-");
        File.WriteAllText(Path.Combine(folder, "Dockerfile"), dockerfile);
        File.WriteAllText(Path.Combine(folder, "a.txt"), "a\n");
        File.WriteAllText(Path.Combine(folder, "b.sh"), "#!/bin/sh\necho b\n");
        File.SetUnixFileMode(Path.Combine(folder, "b.sh"), (UnixFileMode)Convert.ToInt32("755", 8));
        Directory.CreateDirectory(Path.Combine(folder, "dir", "sub"));
        File.WriteAllText(Path.Combine(folder, "dir", "x.txt"), "x\n");
        File.WriteAllText(Path.Combine(folder, "dir", "sub", "y.txt"), "y\n");
        File.SetUnixFileMode(Path.Combine(folder, "dir"), (UnixFileMode)Convert.ToInt32("750", 8));
        File.SetUnixFileMode(Path.Combine(folder, "dir", "sub"), (UnixFileMode)Convert.ToInt32("700", 8));
        File.CreateSymbolicLink(Path.Combine(folder, "link"), "a.txt");
        File.WriteAllText(Path.Combine(folder, "ignored.txt"), "never sent\n");
        File.WriteAllText(Path.Combine(folder, ".dockerignore"), "ignored.txt\n");
        Directory.CreateDirectory(Path.Combine(folder, "rootfs"));
        foreach (var architecture in new[] { "amd64", "arm64", "arm" })
        {
            File.WriteAllText(Path.Combine(folder, "rootfs", $"{architecture}.txt"), architecture + "\n");
        }

        return folder;
    }
}
