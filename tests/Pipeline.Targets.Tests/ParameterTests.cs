using Pipeline.Targets;

namespace Pipeline.Targets.Tests;

public sealed class ParameterTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Values_bind_from_the_command_line_in_kebab_case_with_their_types()
    {
        var build = new ParameterBuild();
        var outcome = _harness.Run(build, "Show", "--image-name", "app", "--retries", "5", "--dry-run", "--flavor", "dark-chocolate",
            "--platforms", "linux/amd64", "linux/arm64", "--output", "out/dir", "--endpoint", "https://example.com/x");

        outcome.ExitCode.Should().Be(0);
        build.ImageName.Should().Be("app");
        build.Retries.Should().Be(5);
        build.DryRun.Should().BeTrue();
        build.Flavor.Should().Be(Flavor.DarkChocolate);
        build.Platforms.Should().Equal("linux/amd64", "linux/arm64");
        build.Output!.Value.Should().Be(Path.Combine(_harness.Root, "out", "dir"));
        build.Endpoint.Should().Be(new Uri("https://example.com/x"));
    }

    [Fact]
    public void A_bare_flag_means_true_and_the_next_token_stays_a_target()
    {
        var build = new ParameterBuild();
        var outcome = _harness.Run(build, "--dry-run", "Show", "--retries=7");

        outcome.ExitCode.Should().Be(0);
        outcome["Show"]!.Status.Should().Be(TargetStatus.Succeeded);
        build.DryRun.Should().BeTrue();
        build.Retries.Should().Be(7);
    }

    [Fact]
    public void Sources_take_precedence_command_line_then_environment_then_profiles_then_parameters_json()
    {
        _harness.WriteFile(".nuke/parameters.json", """{ "ImageName": "from-json", "Retries": 1, "Flavor": "DarkChocolate", "Platforms": ["a", "b"] }""");
        _harness.WriteFile(".nuke/parameters.ci.json", """{ "ImageName": "from-ci", "Retries": 2 }""");
        _harness.WriteFile(".nuke/parameters.fast.json", """{ "Retries": 9 }""");
        _harness.Environment["IMAGE_NAME"] = "from-env";

        var build = new ParameterBuild();
        _harness.Run(build, "Show", "--profile", "ci", "fast");
        build.ImageName.Should().Be("from-env");
        build.Retries.Should().Be(9, "the later profile wins");
        build.Flavor.Should().Be(Flavor.DarkChocolate, "parameters.json fills what nothing else set");
        build.Platforms.Should().Equal("a", "b");

        build = new ParameterBuild();
        _harness.Run(build, "Show", "--profile", "ci", "--image-name", "from-cli");
        build.ImageName.Should().Be("from-cli");
        build.Retries.Should().Be(2);
    }

    [Fact]
    public void Environment_lists_split_on_commas()
    {
        _harness.Environment["PLATFORMS"] = "linux/amd64, linux/arm64";
        var build = new ParameterBuild();
        _harness.Run(build, "Show");

        build.Platforms.Should().Equal("linux/amd64", "linux/arm64");
    }

    [Fact]
    public void Component_interface_parameters_bind_through_TryGetValue_and_keep_their_defaults()
    {
        var build = new ParameterBuild();
        _harness.Run(build, "Show");
        build.Component.Registry.Should().Be("localhost:5000");

        build = new ParameterBuild();
        _harness.Environment["REGISTRY"] = "ghcr.io";
        _harness.Run(build, "Show");
        build.Component.Registry.Should().Be("ghcr.io");
    }

    [Theory]
    [InlineData(new[] { "Show", "--retries", "many" }, "Invalid value for parameter Retries from the command line (--retries): 'many' — expected a whole number (int).")]
    [InlineData(new[] { "Show", "--flavor", "mint" }, "Invalid value for parameter Flavor from the command line (--flavor): 'mint' — expected one of Vanilla, DarkChocolate (Vanilla | DarkChocolate).")]
    [InlineData(new[] { "Show", "--endpoint", "not a uri" }, "Invalid value for parameter Endpoint from the command line (--endpoint): 'not a uri' — expected an absolute URI such as https://example.com (uri).")]
    [InlineData(new[] { "Show", "--dry-run=maybe" }, "Invalid value for parameter DryRun from the command line (--dry-run): 'maybe' — expected true or false (bool).")]
    [InlineData(new[] { "Show", "--imag-name", "x" }, "Unknown option '--imag-name'. Did you mean '--image-name'?")]
    [InlineData(new[] { "Show", "--profile", "nope" }, "Profile 'nope' has no file .nuke/parameters.nope.json; create it, or leave out --profile nope.")]
    public void Bad_input_is_an_error_that_names_parameter_source_value_and_expectation(string[] args, string expected)
    {
        var build = new ParameterBuild();
        var outcome = _harness.Run(build, args);

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation);
        outcome.Targets.Should().BeEmpty();
        _harness.Output.Should().Contain(expected);
    }

    [Fact]
    public void Bad_values_from_environment_and_files_name_their_source()
    {
        _harness.Environment["RETRIES"] = "x";
        _harness.WriteFile(".nuke/parameters.json", """{ "Flavor": "mint", "Imagename": "ok", "Colour": "red" }""");
        var outcome = _harness.Run(new ParameterBuild(), "Show");

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation);
        _harness.Output.Should().Contain("Invalid value for parameter Retries from environment variable RETRIES: 'x'")
            .And.Contain("Invalid value for parameter Flavor from .nuke/parameters.json (key \"Flavor\"): 'mint'")
            .And.Contain(".nuke/parameters.json sets unknown parameter 'Colour'.");
    }

    [Fact]
    public void Requires_is_checked_before_anything_runs_and_says_how_to_set_the_parameter()
    {
        var build = new ParameterBuild();
        var outcome = _harness.Run(build, "Release");

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation);
        _harness.Lines.Should().ContainInOrder(
            "error: This invocation has 2 problems; nothing ran:",
            "         1. Push: requires parameter RegistryToken, which is not set.",
            "            --registry-token (env REGISTRY_TOKEN): secret, not set",
            "            fix: set it with --registry-token <value>, the environment variable REGISTRY_TOKEN, or \"RegistryToken\" in .nuke/parameters.json.",
            "         2. Release: requires parameter ImageName, which is not set.",
            "            --image-name (env IMAGE_NAME): not set",
            "            fix: set it with --image-name <value>, the environment variable IMAGE_NAME, or \"ImageName\" in .nuke/parameters.json.",
            "Build failed: nothing ran (exit code 2).");
        _harness.Output.Should().NotContain("── Push");
    }

    [Fact]
    public void Secrets_never_appear_in_output_or_errors()
    {
        _harness.Environment["REGISTRY_TOKEN"] = "tok-123-secret";
        var outcome = _harness.Run(new ParameterBuild(), "Show", "Push", "--password", "hunter2-pw", "--image-name", "img");

        outcome.ExitCode.Should().Be(0);
        _harness.Output.Should().Contain("image=img password=***").And.Contain("pushing with token ***");
        _harness.Output.Should().NotContain("hunter2-pw").And.NotContain("tok-123-secret");
    }
}

public sealed class SecretArgumentTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void A_value_that_starts_with_dashes_is_a_value_not_an_option()
    {
        const string pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIsecretbody\n-----END RSA PRIVATE KEY-----";
        var outcome = _harness.Run(new ParameterBuild(), "Show", "--password", pem);

        outcome.ExitCode.Should().Be(0, _harness.Output);
        _harness.Output.Should().NotContain("MIIsecretbody").And.Contain("password=***");
    }

    [Fact]
    public void An_unknown_option_is_never_echoed_with_its_value()
    {
        var outcome = _harness.Run(new ParameterBuild(), "Show", "--pasword=hunter2-secret");

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation);
        _harness.Output.Should().Contain("Unknown option '--pasword…'. Did you mean '--password'?").And.NotContain("hunter2-secret");
    }
}

public sealed class ShortSecretTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void A_secret_of_a_few_characters_is_not_masked_and_the_build_says_why()
    {
        var outcome = _harness.Run(new ParameterBuild(), "Show", "--password", "-", "--image-name", "my-image");

        outcome.ExitCode.Should().Be(0);
        _harness.Output.Should().Contain("image=my-image")
            .And.Contain("warning: Secret parameter Password from the command line (--password) is only 1 character(s) long, so it is not masked");
    }
}
