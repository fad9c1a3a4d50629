using Xunit.Abstractions;

namespace Pipeline.EndToEnd;

/// <summary>
/// samples/cake: a Cake script (cake.tool 7.0.0) that references Pipeline.Promotion from the packed packages with
/// #addin and promotes a pinned image into a GitOps directory with them. The script pins the addin's version as Cake
/// asks; the test moves the pin to the version it packed, as a user moves it to the release they take.
/// </summary>
public sealed class CakeTests(PackedRepository packed, ITestOutputHelper output) : IClassFixture<PackedRepository>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("pipeline-cake-").FullName;

    [Fact]
    public void The_cake_script_promotes_with_the_packages_of_the_local_feed()
    {
        packed.TagPack.ExitCode.Should().Be(0, packed.TagPack.All);
        var tools = Path.Combine(_work, "tools");
        var install = RepositoryClone.Run("dotnet", ["tool", "install", "cake.tool", "--version", "7.0.0", "--tool-path", tools], _work);
        install.ExitCode.Should().Be(0, install.All);
        var gitops = Path.Combine(_work, "gitops");
        RepositoryClone.Run("cp", ["-r", Path.Combine(packed.Clone.Root, "samples", "hello-gitops"), gitops], _work).ExitCode.Should().Be(0);
        var digest = "sha256:" + new string('c', 64);
        var sample = File.ReadAllText(Path.Combine(packed.Clone.Root, "samples", "cake", "build.cake"));
        const string Pin = "#addin nuget:?package=Pipeline.Promotion&version=1.0.0&loaddependencies=true";
        sample.Should().Contain(Pin, "the sample pins the addin's version");
        var script = Path.Combine(_work, "build.cake");
        File.WriteAllText(script, sample.Replace(Pin, Pin.Replace("version=1.0.0", "version=" + packed.TagVersion, StringComparison.Ordinal), StringComparison.Ordinal));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = RepositoryClone.Run(Path.Combine(tools, "dotnet-cake"),
            [script, $"--gitops={gitops}", $"--image-reference=ghcr.io/example/hello-service:abc1234@{digest}", "--environment=dev"],
            _work, new Dictionary<string, string?> { ["CAKE_NUGET_SOURCE"] = $"{packed.Feed};https://api.nuget.org/v3/index.json" });

        output.WriteLine($"cake sample: exit {run.ExitCode} in {clock.Elapsed.TotalSeconds:0.0} s\n{run.All}");

        run.ExitCode.Should().Be(0, run.All);
        // Cake colours its log with ANSI escapes, which split "app/environment: status" apart.
        var printed = System.Text.RegularExpressions.Regex.Replace(run.All, "\u001b\\[[0-9;]*m", "");
        printed.Should().Contain("hello-service/dev: Written");
        run.All.Should().NotContain("without specifying a package version number", "the addin is pinned");
        var values = File.ReadAllText(Path.Combine(gitops, "apps", "hello-service", "values-dev.yaml"));
        values.Should().Contain("tag: abc1234   # written by the pipeline").And.Contain($"digest: \"{digest}\"");
        var addins = Directory.GetDirectories(Path.Combine(_work, "tools", "Addins")).Select(Path.GetFileName).ToList();
        addins.Should().Contain([$"Pipeline.Promotion.{packed.TagVersion}", $"Pipeline.GitHub.{packed.TagVersion}"], "the addin and its dependencies come from the packed feed");
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
