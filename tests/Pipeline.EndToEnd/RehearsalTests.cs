using System.Text.Json;

namespace Pipeline.EndToEnd;

/// <summary>
/// ./build.sh Rehearse from a clean clone, twice, as a new user would run it: the first run builds, pins and
/// promotes; the second builds nothing new and writes nothing. Uses the real Docker engine, registry and git.
/// </summary>
[Collection(LoopbackRegistryPort.Name)]
public sealed class RehearsalTests : IDisposable
{
    private readonly RepositoryClone _clone = new();

    public void Dispose() => _clone.Dispose();

    [DockerFact]
    public void Rehearse_promotes_then_says_already_promoted_on_the_second_run()
    {
        var first = _clone.BuildSh("Rehearse");
        first.ExitCode.Should().Be(0, first.All);
        first.Output.Should().Contain("Rehearsal result")
            .And.Contain("dev        Committed")
            .And.Contain("staging    PullRequestMerged")
            .And.Contain("prod       Committed")
            .And.MatchRegex(@"runs\s+docker run on this machine \([^)]+\): reports commit [0-9a-f]{40}")
            .And.MatchRegex(@"index\s+linux/amd64, linux/arm64 in sha256:[0-9a-f]{64}");
        first.Lines[^1].Should().StartWith("Build succeeded");

        var second = _clone.BuildSh("Rehearse");
        second.ExitCode.Should().Be(0, second.All);
        second.Output.Should().Contain("(already built: nothing new built)")
            .And.Contain("Already promoted: every environment pins this image; nothing was written.");

        var image = ReadJson("artifacts/image.json");
        var reference = image.GetProperty("reference").GetString();
        reference.Should().MatchRegex(@"^localhost:5780/demo-service:[0-9a-f]{7}@sha256:[0-9a-f]{64}$");
        image.GetProperty("platforms").EnumerateArray().Select(p => p.GetProperty("platform").GetString()).Should().BeEquivalentTo(["linux/amd64", "linux/arm64"]);

        var promotion = ReadJson("artifacts/promotion.json");
        promotion.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()).Should().AllBe("AlreadyPromoted");

        var runs = ReadJson("artifacts/rehearsals.json").EnumerateArray().ToList();
        runs.Should().HaveCount(2);
        runs[0].GetProperty("built").GetBoolean().Should().BeTrue();
        runs[1].GetProperty("built").GetBoolean().Should().BeFalse();
        runs.Select(r => r.GetProperty("image").GetString()).Should().AllBe(reference);
    }

    private JsonElement ReadJson(string relative)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(_clone.Root, relative)));
        return document.RootElement.Clone();
    }
}
