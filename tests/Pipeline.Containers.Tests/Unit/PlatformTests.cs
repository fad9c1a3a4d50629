namespace Pipeline.Containers.Tests.Unit;

public sealed class PlatformTests
{
    [Theory]
    [InlineData("linux/amd64", "linux/amd64")]
    [InlineData("linux/x86_64", "linux/amd64")]
    [InlineData("Linux/AArch64", "linux/arm64")]
    [InlineData("linux/arm64/v8", "linux/arm64")]
    [InlineData("linux/arm", "linux/arm/v7")]
    [InlineData("linux/arm/v6", "linux/arm/v6")]
    [InlineData("windows/amd64", "windows/amd64")]
    public void Platforms_are_normalised(string input, string expected) => Platform.Parse(input).ToString().Should().Be(expected);

    [Theory]
    [InlineData("linux/amd46", "architecture 'amd46'")]
    [InlineData("linx/amd64", "operating system 'linx'")]
    [InlineData("amd64", "os/arch[/variant]")]
    [InlineData("linux//", "os/arch[/variant]")]
    public void Unknown_platforms_are_explained(string input, string expected)
    {
        var act = () => Platform.Parse(input);

        act.Should().Throw<InvalidImageReferenceException>().Which.Reason.Should().Contain(expected);
    }

    [Fact]
    public void Platform_lists_are_split_and_deduplicated()
    {
        Platform.ParseList(" linux/amd64 , linux/arm64,linux/aarch64 ").Should().Equal(Platform.LinuxAmd64, Platform.LinuxArm64);
    }

    [Fact]
    public void Index_entries_match_platforms_across_spellings()
    {
        Platform.LinuxArm64.Matches("linux", "arm64", "v8").Should().BeTrue();
        Platform.LinuxArm64.Matches("linux", "amd64", null).Should().BeFalse();
        new OciPlatform("unknown", "unknown").ToPlatform().IsUnknown.Should().BeTrue();
        Platform.Parse("linux/arm/v7").Slug.Should().Be("linux-arm-v7");
    }
}
