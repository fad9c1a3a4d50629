using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace Pipeline.EndToEnd;

/// <summary>
/// A newcomer's first hour, from a clean clone: <c>./build.sh Rehearse</c> twice (the first run builds, pins and
/// promotes; the second builds nothing new and writes nothing), then the five mistakes a team makes first. Each
/// mistake fails before any target runs, with exit code 2 and a message that names the fix, and writes nothing: the
/// clone, its artifacts and the rehearsal's registry and GitOps repository stay as they were. Uses the real Docker
/// engine, registry and git; the README's rehearsal samples are checked against what the two runs print.
/// </summary>
[Collection(LoopbackRegistryPort.Name)]
public sealed class RehearsalTests(ITestOutputHelper log) : IDisposable
{
    private readonly RepositoryClone _clone = RepositoryClone.CompiledCopy();
    private readonly string _outside = Directory.CreateTempSubdirectory("pipeline-e2e-gitops-").FullName;

    public void Dispose()
    {
        _clone.Dispose();
        Directory.Delete(_outside, recursive: true);
    }

    [DockerFact]
    public void Rehearse_twice_then_five_first_hour_mistakes_each_fail_before_any_target_naming_the_fix_and_writing_nothing()
    {
        var samples = ReadmeSample.All(Path.Combine(RepositoryClone.Source, "README.md")).ToDictionary(s => s.Command);

        var first = _clone.BuildSh("Rehearse");
        first.ExitCode.Should().Be(0, first.All);
        first.Output.Should().Contain("Rehearsal result")
            .And.Contain("dev        Committed")
            .And.Contain("staging    PullRequestMerged")
            .And.Contain("prod       Committed")
            .And.MatchRegex(@"runs\s+docker run on this machine \([^)]+\): reports commit [0-9a-f]{40}")
            .And.MatchRegex(@"index\s+linux/amd64, linux/arm64 in sha256:[0-9a-f]{64}");
        first.Lines[^1].Should().StartWith("Build succeeded");
        samples[ReadmeTests.RehearsalSamples[0]].FirstMissingLine(first.Output, _clone.Root).Should().BeNull("README.md shows the first run's result");

        var second = _clone.BuildSh("Rehearse");
        second.ExitCode.Should().Be(0, second.All);
        second.Output.Should().Contain("(already built: nothing new built)")
            .And.Contain("Already promoted: every environment pins this image; nothing was written.");
        samples[ReadmeTests.RehearsalSamples[1]].FirstMissingLine(second.Output, _clone.Root).Should().BeNull("README.md shows the second run's result");

        var image = ReadJson("artifacts/image.json");
        var reference = image.GetProperty("reference").GetString();
        reference.Should().MatchRegex(@"^localhost:5780/demo-service:[0-9a-f]{7}@sha256:[0-9a-f]{64}$");
        image.GetProperty("platforms").EnumerateArray().Select(p => p.GetProperty("platform").GetString()).Should().BeEquivalentTo(["linux/amd64", "linux/arm64"]);
        image.GetProperty("origin").GetProperty("invocation").GetString().Should().StartWith("./build.sh Promote --skip Test --image localhost:5780/demo-service");
        image.GetProperty("origin").GetProperty("registry").GetString().Should().Be("localhost:5780");

        var promotion = ReadJson("artifacts/promotion.json");
        promotion.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()).Should().AllBe("AlreadyPromoted");

        var runs = ReadJson("artifacts/rehearsals.json").EnumerateArray().ToList();
        runs.Should().HaveCount(2);
        runs[0].GetProperty("built").GetBoolean().Should().BeTrue();
        runs[1].GetProperty("built").GetBoolean().Should().BeFalse();
        runs.Select(r => r.GetProperty("image").GetString()).Should().AllBe(reference);

        FirstHourMistakes();
    }

    private void FirstHourMistakes()
    {
        var good = GitOpsCopy("good", text => text);
        var selector = GitOpsCopy("selector", text => text.Replace("container: demo-service", "container: no-such-container", StringComparison.Ordinal));
        var yaml = GitOpsCopy("yaml", text => text.Replace("        when: { tag: '[0-9a-f]{7}' }\n        files:\n          - path: apps", "        when: { tag: '[0-9a-f]{7}'\n        files:\n          - path: apps", StringComparison.Ordinal));
        var noCredentials = new Dictionary<string, string?> { ["GITHUB_TOKEN"] = null, ["GITOPS_TOKEN"] = null, ["GITHUB_APP_ID"] = null, ["GITHUB_APP_PRIVATE_KEY"] = null, ["DOCKER_CONFIG"] = _outside };
        // A directory takes no pull requests: these promote to dev and prod, as --profile local does.
        string[] local = ["--image", "localhost:5780/demo-service", "--environment", "dev", "prod"];
        var mistakes = new (string Name, string[] Arguments, string Says)[]
        {
            ("bad image reference", ["Promote", "--image", "bad ref"], "--image 'bad ref' is not an image repository"),
            ("missing credentials", ["Promote"], "BumpGitOps: writing to pipeline-build/gitops needs a credential, and none is set."),
            ("selector matching nothing", ["Promote", .. local, "--gitops-repository", selector], "no-such-container"),
            ("missing context", ["Promote", .. local, "--gitops-repository", good, "--context", "no-such-directory"], "the build context no-such-directory does not exist."),
            ("YAML error in promotion.yaml", ["Promote", .. local, "--gitops-repository", yaml], "promotion.yaml:13:15: not valid YAML (the '{' opened here is never closed"),
        };

        foreach (var (name, arguments, says) in mistakes)
        {
            var before = State(good, selector, yaml);
            var clock = Stopwatch.StartNew();
            var outcome = RepositoryClone.Run(Path.Combine(_clone.Root, "build.sh"), arguments, _clone.Root, noCredentials);
            clock.Stop();
            log.WriteLine($"{name}: exit {outcome.ExitCode} after {clock.Elapsed.TotalSeconds:0.0} s (./build.sh {string.Join(' ', arguments)})");

            outcome.ExitCode.Should().Be(2, $"{name} is an invalid invocation:\n{outcome.All}");
            outcome.Output.Should().Contain(says, name).And.Contain("fix: ", $"the message for {name} names the fix")
                .And.Contain("Build failed: nothing ran (exit code 2).").And.NotContain("── Test", "nothing runs, Test included");
            State(good, selector, yaml).Should().Be(before, $"{name} writes nothing: not the clone, its artifacts, the rehearsal's registry or GitOps repository");
        }
    }

    /// <summary>A copy of samples/gitops outside the clone, with <paramref name="change"/> applied to its promotion.yaml.</summary>
    private string GitOpsCopy(string name, Func<string, string> change)
    {
        var target = Path.Combine(_outside, name);
        var source = Path.Combine(_clone.Root, "samples", "gitops");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        var spec = Path.Combine(target, "promotion.yaml");
        var text = File.ReadAllText(spec);
        File.WriteAllText(spec, change(text));
        if (name != "good")
        {
            File.ReadAllText(spec).Should().NotBe(text, $"the {name} mistake changes the spec");
        }

        return target;
    }

    /// <summary>Everything a mistake could write: the clone's git state, its artifacts, the rehearsal's state, the GitOps copies.</summary>
    private string State(params string[] directories)
    {
        var status = RepositoryClone.Run("git", ["status", "--porcelain", "--ignored=no"], _clone.Root).Output;
        var files = new[] { Path.Combine(_clone.Root, "artifacts"), Path.Combine(_clone.Root, ".nuke", "temp", "rehearsal") }.Concat(directories)
            .Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(f => $"{f} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f):O}");
        return status + "\n" + string.Join('\n', files);
    }

    private JsonElement ReadJson(string relative)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(_clone.Root, relative)));
        return document.RootElement.Clone();
    }
}
