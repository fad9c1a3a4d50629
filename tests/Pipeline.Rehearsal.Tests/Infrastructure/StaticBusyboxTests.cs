using Pipeline.Rehearsal.Infrastructure;

namespace Pipeline.Rehearsal.Tests.Infrastructure;

public sealed class StaticBusyboxTests
{
    [InfrastructureFact]
    public async Task Busybox_for_each_architecture_is_an_ELF_binary_for_that_machine()
    {
        var amd64 = await File.ReadAllBytesAsync(await StaticBusybox.GetAsync("amd64"));
        var arm64 = await File.ReadAllBytesAsync(await StaticBusybox.GetAsync("arm64"));

        amd64[..4].Should().Equal(0x7F, (byte)'E', (byte)'L', (byte)'F');
        BitConverter.ToUInt16(amd64, 18).Should().Be(0x3E, "EM_X86_64");
        BitConverter.ToUInt16(arm64, 18).Should().Be(0xB7, "EM_AARCH64");
    }

    [Theory]
    [InlineData("arm", "armhf")]
    [InlineData("ppc64le", "ppc64el")]
    [InlineData("arm64", "arm64")]
    public void Architectures_map_to_Debian_names(string architecture, string debian) =>
        StaticBusybox.DebianArchitecture(architecture).Should().Be(debian);
}
