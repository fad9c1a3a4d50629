using System.Security.Cryptography;
using Pipeline.Components.Tests.Support;
using Pipeline.Targets;

namespace Pipeline.Components.Tests.Secrets;

/// <summary>
/// Each form of a token thrown through each layer that talks to the outside (a GitHub API error body, git's stderr,
/// a registry error, a Docker engine error) and through the build's own writers; then every output searched:
/// the console, exceptions whole, the step summary, the CI outputs and artifacts/*.json.
/// </summary>
public sealed class SecretLeakTests
{
    [Fact]
    public async Task No_form_of_the_token_reaches_any_output_through_any_layer()
    {
        var token = "ghp_" + RandomNumberGenerator.GetHexString(24, lowercase: true) + "/+=:";
        var forms = LeakForms.Of(token);
        await using var echo = new EchoServer(forms);
        using var run = new BuildRun();
        var summary = Path.Combine(run.Root, "summary.md");
        var outputs = Path.Combine(run.Root, "outputs.txt");
        run.Environment["TOKEN"] = token;
        run.Environment["ECHO_PORT"] = echo.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        run.Environment["GITHUB_ACTIONS"] = "true";
        run.Environment["GITHUB_STEP_SUMMARY"] = summary;
        run.Environment["GITHUB_OUTPUT"] = outputs;
        var build = new LeakBuild();

        var outcome = await run.RunAsync(build, "Writers");

        outcome.ExitCode.Should().NotBe(0, "the last target fails on purpose");
        string[] layers = ["github", "git", "registry", "engine"];
        foreach (var party in layers)
        {
            var sent = echo.Sent.Where(s => s.Party == party).Select(s => s.Text).ToList();
            sent.Should().NotBeEmpty($"the {party} layer was called");
            forms.Where(form => !sent.Any(text => text.Contains(form, StringComparison.Ordinal))).Should().BeEmpty($"{party} echoed every form");
        }

        var artifacts = Directory.GetFiles(Path.Combine(run.Root, "artifacts"), "*.json").Select(File.ReadAllText).ToList();
        artifacts.Should().NotBeEmpty();
        // ::add-mask:: lines are instructions the Actions runner consumes; they are never shown.
        var console = string.Join('\n', run.Output.Split('\n').Where(line => !line.StartsWith("::add-mask::", StringComparison.Ordinal)));
        var everything = new Dictionary<string, string>
        {
            ["console"] = console,
            ["exceptions"] = string.Join('\n', build.Exceptions),
            ["step summary"] = File.ReadAllText(summary),
            ["outputs"] = File.ReadAllText(outputs),
            ["artifacts"] = string.Join('\n', artifacts),
        };
        build.Exceptions.Should().HaveCount(4);
        foreach (var layer in new[] { "GitHubApi", "GitStderr", "RegistryError", "EngineError" })
        {
            console.Should().Contain($"{layer} failed:", "each layer's error reached the log");
        }

        var hits = everything.SelectMany(output => forms.Where(form => output.Value.Contains(form, StringComparison.Ordinal)).Select(form => $"{output.Key}: {form}")).ToList();
        hits.Should().BeEmpty();
        console.Should().Contain("***");
        everything["step summary"].Should().Contain("***");
    }
}
