using Pipeline.Targets;

namespace Pipeline.Targets.Tests;

public sealed class ValidationTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Every_problem_of_every_target_is_listed_in_one_message_before_the_first_target_runs()
    {
        _harness.WriteFile(".nuke/parameters.json", """{ "Destination": "ghcr.io" }""");
        var build = new ValidatingBuild();

        var outcome = _harness.Run(build, "Publish", "--folder", "missing");

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation);
        build.Ran.Should().BeEmpty("a bad invocation must fail before Slow, the first target, starts");
        _harness.Lines.Should().Equal(
            "error: This invocation has 2 problems; nothing ran:",
            $"         1. Package: the folder {Path.Combine(_harness.Root, "missing")} does not exist.",
            $"            --folder (env FOLDER): '{Path.Combine(_harness.Root, "missing")}', from the command line",
            "            fix: create it, or point --folder at the directory to publish.",
            "         2. Publish: publishing to ghcr.io needs a token.",
            "            --destination-token (env DESTINATION_TOKEN): secret, not set",
            "            environment variable PUBLISH_TOKEN: not set",
            "            fix: pass --destination-token, or set PUBLISH_TOKEN.",
            "Build failed: nothing ran (exit code 2).");
    }

    [Fact]
    public void Plan_shows_the_same_validation_and_the_settings_with_their_sources_without_running_anything()
    {
        _harness.WriteFile(".nuke/parameters.ci.json", """{ "Destination": "ghcr.io" }""");
        var build = new ValidatingBuild();

        var outcome = _harness.Run(build, "--plan", "Publish", "--profile", "ci");

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation, "--plan exits as the run would, without running");
        build.Ran.Should().BeEmpty();
        build.ChecksRun.Should().Be(2);
        _harness.Output.Should().Contain("   3. Publish  will run")
            .And.Contain("Settings (value, then where it came from):\n  destination  ghcr.io  .nuke/parameters.ci.json")
            .And.Contain("This invocation has a problem; a run would stop before the first target (exit code 2):\n         1. Publish: publishing to ghcr.io needs a token.");
    }

    [Fact]
    public void A_valid_invocation_prints_its_settings_before_the_first_target_and_runs()
    {
        _harness.Environment["DESTINATION"] = "ghcr.io";
        _harness.Environment["DESTINATION_TOKEN"] = "token-value-1";
        var build = new ValidatingBuild();

        var outcome = _harness.Run(build, "Publish");

        outcome.ExitCode.Should().Be(0, _harness.Output);
        build.Ran.Should().Equal("Slow", "Package", "Publish");
        var lines = _harness.Lines.ToList();
        lines.IndexOf("  destination  ghcr.io  environment variable DESTINATION").Should().BeLessThan(lines.FindIndex(l => l.StartsWith("── Slow", StringComparison.Ordinal)));
    }

    [Fact]
    public void Skipped_targets_are_not_validated()
    {
        _harness.Environment["DESTINATION"] = "ghcr.io";
        var build = new ValidatingBuild();

        var outcome = _harness.Run(build, "Publish", "--skip", "Publish", "--folder", "missing-too");

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation);
        _harness.Output.Should().Contain("Package: the folder").And.NotContain("needs a token");
    }

    [Fact]
    public void A_check_that_throws_is_a_problem_of_its_target()
    {
        var build = new ValidatingBuild();

        var outcome = _harness.Run(build, "Throwing");

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation);
        build.Ran.Should().BeEmpty();
        _harness.Output.Should().Contain("1. Throwing: its check failed: InvalidOperationException: the check itself broke");
    }

    [Fact]
    public void Help_says_where_each_value_came_from()
    {
        _harness.WriteFile(".nuke/parameters.json", """{ "Destination": "from-file", "Folder": "out" }""");
        _harness.WriteFile(".nuke/parameters.ci.json", """{ "Folder": "ci-out" }""");
        _harness.Environment["DESTINATION_TOKEN"] = "token-value-2";

        _harness.Run(new ValidatingBuild(), "--help", "--profile", "ci");

        _harness.Output.Should().Contain("string · env DESTINATION · value: from-file (.nuke/parameters.json)")
            .And.Contain($"path · env FOLDER · value: {Path.Combine(_harness.Root, "ci-out")} (.nuke/parameters.ci.json)")
            .And.Contain("string · env DESTINATION_TOKEN · secret, set (environment variable DESTINATION_TOKEN)")
            .And.NotContain("token-value-2");
    }
}
