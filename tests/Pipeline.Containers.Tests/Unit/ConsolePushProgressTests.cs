namespace Pipeline.Containers.Tests.Unit;

public sealed class ConsolePushProgressTests
{
    private static readonly ImageReference Tag = ImageReference.Parse("ghcr.io/org/app:abc1234-linux-arm64");

    [Fact]
    public void Terminal_shows_one_bar_per_tag_redrawn_in_place()
    {
        var writer = new StringWriter();
        var progress = new ConsolePushProgress(writer, interactive: true);

        progress.Report(new PushProgress(Tag, "a1", "Pushing", 512 * 1024, 1024 * 1024));
        progress.Report(new PushProgress(Tag, "b2", "Pushing", 1024 * 1024, 1024 * 1024));

        var frames = writer.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        frames.Should().HaveCount(2);
        frames[1].Should().StartWith("ghcr.io/org/app:abc1234-linux-arm64 [###############     ] 1536 / 2048 KiB");
    }

    [Fact]
    public void Logs_get_one_line_per_finished_layer()
    {
        var writer = new StringWriter();
        var progress = new ConsolePushProgress(writer, interactive: false);

        progress.Report(new PushProgress(Tag, "a1", "Pushing", 1, 10));
        progress.Report(new PushProgress(Tag, "a1", "Pushed", null, null));
        progress.Report(new PushProgress(Tag, "b2", "Layer already exists", null, null));

        writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "ghcr.io/org/app:abc1234-linux-arm64: a1 pushed",
            "ghcr.io/org/app:abc1234-linux-arm64: b2 layer already exists");
    }
}
