namespace Pipeline.EndToEnd;

/// <summary>
/// The self-contained single-file binaries <c>./build.sh Binaries</c> makes from the packed clone: the linux-x64 one runs
/// on a machine without .NET (no dotnet on PATH, no DOTNET_ROOT); the linux-arm64 one is an aarch64 executable that
/// runs under qemu with Debian's arm64 libraries (the tool image's root file system) as its library root.
/// </summary>
[Collection(PackedRepositoryCollection.Name)]
public sealed class ToolBinaryTests(PackedRepository packed) : IDisposable
{
    private const ushort MachineX64 = 62;
    private const ushort MachineAarch64 = 183;

    private readonly string _work = Directory.CreateTempSubdirectory("pipeline-binary-").FullName;

    [Fact]
    public void The_linux_x64_binary_runs_without_dotnet_and_answers_like_the_tool()
    {
        packed.ToolImageContext.ExitCode.Should().Be(0, packed.ToolImageContext.All);
        var binary = Path.Combine(packed.Binaries, "pipeline-linux-x64");
        Machine(binary).Should().Be(MachineX64);
        var noDotNet = new Dictionary<string, string?> { ["PATH"] = Directory.CreateDirectory(Path.Combine(_work, "bin")).FullName, ["DOTNET_ROOT"] = null, ["HOME"] = _work };
        var here = Directory.CreateDirectory(Path.Combine(_work, "app")).FullName;

        var version = RepositoryClone.Run(binary, ["--version"], here, noDotNet);
        var help = RepositoryClone.Run(binary, ["--help"], here, noDotNet);
        var plan = RepositoryClone.Run(binary, ["plan", "promote"], here, noDotNet);

        version.ExitCode.Should().Be(0, version.All);
        version.Output.Trim().Should().Be(packed.TagVersion);
        help.ExitCode.Should().Be(0, help.All);
        help.Output.Should().Contain("promote").And.Contain("--image").And.Contain("--gitops-repository").And.Contain("--test-command");
        plan.ExitCode.Should().Be(2, plan.All);
        plan.Output.Should().Contain("Execution plan for Promote")
            .And.Contain("BuildMultiArchImage: requires parameter Image, which is not set.")
            .And.Contain("fix: set it with --image <value>, the environment variable IMAGE");
    }

    [Fact]
    public void The_linux_arm64_binary_is_an_aarch64_executable_that_runs_under_qemu()
    {
        packed.ToolImageContext.ExitCode.Should().Be(0, packed.ToolImageContext.All);
        var binary = Path.Combine(packed.Binaries, "pipeline-linux-arm64");
        Machine(binary).Should().Be(MachineAarch64);
        var root = Path.Combine(packed.ToolImageDirectory, "rootfs", "arm64");
        File.Exists(Path.Combine(root, "lib", "ld-linux-aarch64.so.1")).Should().BeTrue("the arm64 root holds Debian's arm64 dynamic loader");

        // binfmt_misc hands the aarch64 executable to qemu, which looks for the loader and libraries under QEMU_LD_PREFIX.
        var version = RepositoryClone.Run(binary, ["--version"], _work, new Dictionary<string, string?> { ["QEMU_LD_PREFIX"] = root });

        version.ExitCode.Should().Be(0, version.All);
        version.Output.Trim().Should().Be(packed.TagVersion);
    }

    /// <summary>The ELF header's <c>e_machine</c>, after checking the magic, 64-bit class and little-endian data.</summary>
    private static ushort Machine(string path)
    {
        var header = new byte[20];
        using (var file = File.OpenRead(path))
        {
            file.ReadExactly(header);
        }

        header[..4].Should().Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], $"{path} is an ELF executable");
        header[4].Should().Be(2, "64-bit");
        header[5].Should().Be(1, "little-endian");
        return BitConverter.ToUInt16(header, 18);
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
    }
}
