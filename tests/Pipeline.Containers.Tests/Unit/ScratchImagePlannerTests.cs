using System.Formats.Tar;
using System.Text.Json.Nodes;
using Pipeline.Tests.Shared;

namespace Pipeline.Containers.Tests.Unit;

/// <summary>What a FROM scratch Dockerfile makes, worked out without an engine (the integration tests prove it against one).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ScratchImagePlannerTests
{
    private static readonly Platform Arm = Platform.Parse("linux/arm/v7");

    [Fact]
    public void Each_platform_copies_its_own_files_and_expands_its_own_args()
    {
        var context = Context(("rootfs/amd64/app", "amd"), ("rootfs/arm/app", "arm"), ("Dockerfile", string.Empty));
        var plan = Plan(context, "ARG V=1\nFROM scratch\nARG TARGETARCH\nARG TARGETVARIANT\nARG V\nARG COMMIT=none\nCOPY rootfs/${TARGETARCH}/app /bin/\nENV ARCH=$TARGETARCH$TARGETVARIANT V=$V COMMIT=$COMMIT\nENV COMMIT=env\nENV SEEN=$COMMIT\n", Arm, ("COMMIT", "abc"));

        plan.Layers.Should().ContainSingle().Which.Files.Select(f => (f.TarName, f.Source)).Should().Equal(
            ("bin/", null),
            ("bin/app", Path.Combine(context, "rootfs", "arm", "app")));
        Env(plan).Should().Equal(
            "PATH=" + ScratchImagePlanner.DefaultPath, "ARCH=armv7", "V=1", "COMMIT=env", "SEEN=env");
        plan.Config["architecture"]!.GetValue<string>().Should().Be("arm");
        plan.Config["variant"]!.GetValue<string>().Should().Be("v7");
        History(plan).Should().Equal("ARG TARGETARCH", "ARG TARGETVARIANT", "ARG V", "ARG COMMIT=none", "COPY rootfs/arm/app /bin/ # buildkit",
            "ENV ARCH=armv7 V=1 COMMIT=abc", "ENV COMMIT=env", "ENV SEEN=env");
    }

    [Fact]
    public void Copy_creates_parents_lists_every_folder_above_a_change_and_keeps_inner_folder_modes()
    {
        var context = Context(("dir/x.txt", "x"), ("dir/sub/y.txt", "y"), ("a.txt", "a"), ("Dockerfile", string.Empty));
        File.SetUnixFileMode(Path.Combine(context, "dir", "sub"), (UnixFileMode)Convert.ToInt32("700", 8));
        var plan = Plan(context, "FROM scratch\nCOPY --chown=7 dir /usr/lib/d\nCOPY a.txt /usr/lib/d/sub/\n");

        plan.Layers[0].Files.Select(f => (f.TarName, Octal(f.Mode), f.Uid, f.Gid)).Should().Equal(
            ("usr/", "755", 7, 7),
            ("usr/lib/", "755", 7, 7),
            ("usr/lib/d/", "755", 7, 7),
            ("usr/lib/d/sub/", "700", 7, 7),
            ("usr/lib/d/sub/y.txt", Octal(File.GetUnixFileMode(Path.Combine(context, "dir", "sub", "y.txt"))), 7, 7),
            ("usr/lib/d/x.txt", Octal(File.GetUnixFileMode(Path.Combine(context, "dir", "x.txt"))), 7, 7));
        plan.Layers[1].Files.Select(f => (f.TarName, f.Uid)).Should().Equal(
            ("usr/", 7), ("usr/lib/", 7), ("usr/lib/d/", 7), ("usr/lib/d/sub/", 7), ("usr/lib/d/sub/a.txt", 0));
    }

    [Fact]
    public void Wildcards_flatten_matches_and_may_match_nothing()
    {
        var context = Context(("a.txt", "a"), ("b.txt", "b"), ("c.md", "c"), ("dir/one/y.txt", "1"), ("dir/two/y.md", "2"), ("Dockerfile", string.Empty));
        var plan = Plan(context, "FROM scratch\nCOPY [\"*.txt\", \"dir/*/y.*\", \"/t/\"]\nCOPY none-* /n/\n");

        plan.Layers[0].Files.Select(f => f.TarName).Should().Equal("t/", "t/a.txt", "t/b.txt", "t/y.md", "t/y.txt");
        plan.Layers[1].Files.Should().BeEmpty();
    }

    [Fact]
    public void Config_instructions_are_recorded_as_buildkit_records_them()
    {
        var context = Context(("Dockerfile", string.Empty));
        var plan = Plan(context, "FROM scratch\nLABEL a=b \"c d\"=\"e f\"\nEXPOSE 80 8000-8001/UDP\nVOLUME /data /logs\nUSER 1000\nWORKDIR app\nSTOPSIGNAL SIGINT\nENTRYPOINT run \"it\"\n", labels: ("a", "build"));

        var config = plan.Config["config"]!.AsObject();
        config["Labels"]!.ToJsonString().Should().Be("""{"a":"build","c d":"e f"}""");
        config["ExposedPorts"]!.AsObject().Select(p => p.Key).Should().Equal("80/tcp", "8000/udp", "8001/udp");
        config["Volumes"]!.AsObject().Select(p => p.Key).Should().Equal("/data", "/logs");
        config["User"]!.GetValue<string>().Should().Be("1000");
        config["WorkingDir"]!.GetValue<string>().Should().Be("/app");
        config["Entrypoint"]!.ToJsonString().Should().Be("""["/bin/sh","-c","run \u0022it\u0022"]""");
        config.ContainsKey("ArgsEscaped").Should().BeFalse("only a CMD sets it");
        plan.Layers.Should().ContainSingle().Which.Files.Select(f => (f.TarName, f.Uid)).Should().Equal(("app/", 1000));
        History(plan).Should().Equal("LABEL a=b c d=e f", "EXPOSE map[80/tcp:{} 8000/udp:{} 8001/udp:{}]", "VOLUME [/data /logs]", "USER 1000",
            "WORKDIR /app", "STOPSIGNAL SIGINT", "ENTRYPOINT [\"/bin/sh\" \"-c\" \"run \\\"it\\\"\"]");
    }

    [Theory]
    [InlineData("FROM scratch\nRUN true\n", 2, "RUN executes a command in a container*")]
    [InlineData("FROM scratch\nADD a.txt /\n", 2, "ADD can fetch URLs and unpack archives*")]
    [InlineData("FROM scratch AS a\nFROM scratch\n", 1, "a Dockerfile of several stages*")]
    [InlineData("ARG IMAGE=alpine\nFROM $IMAGE\n", 2, "FROM alpine starts from a base image*")]
    [InlineData("FROM --platform=linux/amd64 scratch\n", 1, "FROM --platform=linux/amd64 is built by an engine.")]
    [InlineData("FROM scratch\nCOPY --from=build /a /a\n", 2, "COPY --from is built by an engine*")]
    [InlineData("FROM scratch\nCOPY --chmod=755 dir /d/\n", 2, "COPY --chmod of a folder is built by an engine*")]
    [InlineData("FROM scratch\nHEALTHCHECK NONE\n", 2, "HEALTHCHECK is built by an engine*")]
    [InlineData("FROM scratch\nUSER app\nWORKDIR /w\n", 3, "USER app names a user or group*")]
    public void What_needs_an_engine_is_refused_with_its_line(string dockerfile, int line, string message)
    {
        var context = Context(("a.txt", "a"), ("dir/x", "x"), ("Dockerfile", string.Empty));
        var act = () => Plan(context, dockerfile);

        var thrown = act.Should().Throw<DockerfileException>().Which;
        thrown.NeedsEngine.Should().BeTrue();
        thrown.Line.Should().Be(line);
        thrown.Problem.Should().Match(message);
    }

    [Theory]
    [InlineData("", "Dockerfile: there is no FROM instruction; start the Dockerfile with FROM.")]
    [InlineData("FROM scratch\nCOPY a.txt\n", "Dockerfile:2: COPY needs at least one source and a destination: COPY <src>... <dest>.")]
    [InlineData("FROM scratch\nCOPY --chmod=rw a.txt /a\n", "Dockerfile:2: COPY --chmod=rw is not an octal mode; write e.g. --chmod=0644.")]
    [InlineData("FROM scratch\nCOPY [\"a.txt\", \"/a/\"]\nCOPY a.txt /a\n", "Dockerfile:3: COPY a.txt /a: /a is a folder in the image and cannot be replaced by a file.")]
    [InlineData("FROM scratch\nENV\n", "Dockerfile:2: ENV needs at least one name=value pair.")]
    [InlineData("FROM scratch\nENV A\n", "Dockerfile:2: ENV must have two arguments: ENV name=value.")]
    [InlineData("FROM scratch\nLABEL a=b c\n", "Dockerfile:2: LABEL: cannot find = in 'c'; write name=value.")]
    [InlineData("FROM scratch\nEXPOSE 9-8\n", "Dockerfile:2: EXPOSE '9-8' is not a port: write 8080, 8080/udp or 8000-8002/tcp.")]
    [InlineData("FROM scratch\nCOPY a.txt /a\nFORM x\n", "Dockerfile:3: unknown instruction 'FORM'; check its spelling.")]
    [InlineData("FROM scratch AS app\n", "Dockerfile:1: the target stage 'web' is not in the Dockerfile (its stage is 'app'); pass an existing --target or none.")]
    public void Mistakes_are_named_with_the_fix(string dockerfile, string message)
    {
        var context = Context(("a.txt", "a"), ("Dockerfile", string.Empty));
        var act = () => ScratchImagePlanner.Plan(Dockerfile.Parse(dockerfile, "Dockerfile"), ContextTree.Load(context, "Dockerfile"), Platform.LinuxAmd64,
            new Dictionary<string, string>(), new Dictionary<string, string>(), target: dockerfile.Contains(" AS ", StringComparison.Ordinal) ? "web" : null);

        act.Should().Throw<DockerfileException>().WithMessage(message).Which.NeedsEngine.Should().BeFalse();
    }

    [Fact]
    public void The_check_before_anything_runs_reads_the_instructions_and_leaves_the_copied_files_to_the_build()
    {
        var context = Context(("Dockerfile", "FROM scratch\nCOPY out/app /app\nCMD [\"/app\"]\n"));

        var beforeTheBuild = () => DirectStrategy.Check(context, null, [Platform.LinuxAmd64, Platform.LinuxArm64]);
        beforeTheBuild.Should().NotThrow("an earlier target may publish out/app");

        File.WriteAllText(Path.Combine(context, "Dockerfile"), "FROM scratch\nCOPY out/app /app\nRUN [\"/app\", \"--check\"]\n");
        beforeTheBuild.Should().Throw<DockerfileException>().Which.NeedsEngine.Should().BeTrue();
        File.WriteAllText(Path.Combine(context, "Dockerfile"), "FROM scratch\nCOPY out/a out/b /app\n");
        beforeTheBuild.Should().Throw<DockerfileException>().WithMessage("Dockerfile:2: COPY of several sources needs a folder as the destination*");
        var atTheBuild = () => DirectStrategy.WhyNot(new ImageBuildRequest("localhost/app", context));
        atTheBuild.Should().Throw<DockerfileException>().WithMessage("Dockerfile:2: COPY source 'out/a' is not in the build context*");
    }

    private static ScratchImagePlan Plan(string context, string dockerfile, Platform? platform = null, (string, string)? arg = null, (string, string)? labels = null)
    {
        var args = new Dictionary<string, string>();
        if (arg is var (name, value))
        {
            args[name] = value;
        }

        var extra = new Dictionary<string, string>();
        if (labels is var (key, label))
        {
            extra[key] = label;
        }

        return ScratchImagePlanner.Plan(Dockerfile.Parse(dockerfile, "Dockerfile"), ContextTree.Load(context, "Dockerfile"), platform ?? Platform.LinuxAmd64, args, extra, target: null);
    }

    private static string Context(params (string Path, string Text)[] files)
    {
        var folder = TestTemp.Folder("pipeline-plan-");
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        return folder;
    }

    private static string[] Env(ScratchImagePlan plan) => plan.Config["config"]!["Env"]!.AsArray().Select(e => e!.GetValue<string>()).ToArray();

    private static string[] History(ScratchImagePlan plan) => plan.Config["history"]!.AsArray().Select(h => h!["created_by"]!.GetValue<string>()).ToArray();

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8);
}
