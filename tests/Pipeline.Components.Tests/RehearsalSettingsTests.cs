using Pipeline.Components.Tests.Support;
using Pipeline.Targets;

namespace Pipeline.Components.Tests;

public sealed class RehearsalSettingsTests : IDisposable
{
    private const string Spec = """
        # the team's spec, as production names its image
        apps:
          web:
            image: ghcr.io/org/web   # keep this comment
            environments:
              dev:
                files:
                  - path: dev/values.yaml
                    helm: image.tag
        """;

    private readonly BuildRun _run = new();

    [Theory]
    [InlineData("localhost:5781/consumer-service", "localhost:5781/consumer-service", 5781)]
    [InlineData("localhost:5780/demo-service:latest", "localhost:5780/demo-service", 5780)]
    [InlineData("127.0.0.1:5000/team/app", "localhost:5000/team/app", 5000)]
    public void The_rehearsal_image_names_the_loopback_registry_and_its_port(string image, string repository, int port)
    {
        var (actualPort, local) = RehearsalSeed.LoopbackImage(image);

        (local.Name, actualPort).Should().Be((repository, port));
    }

    [Theory]
    [InlineData("ghcr.io/org/app")]
    [InlineData("localhost/app")]
    [InlineData("192.168.1.5:5000/app")]
    public void A_rehearsal_image_outside_a_loopback_registry_with_a_port_is_refused(string image) =>
        FluentActions.Invoking(() => RehearsalSeed.LoopbackImage(image)).Should().Throw<BuildException>()
            .WithMessage($"--rehearsal-image '{image}' must name a loopback registry with a port*");

    [Fact]
    public void A_rehearsal_image_that_is_no_image_name_is_refused_with_the_parse_error() =>
        FluentActions.Invoking(() => RehearsalSeed.LoopbackImage("Not An/Image")).Should().Throw<BuildException>()
            .WithMessage("--rehearsal-image 'Not An/Image' is not an image name: *");

    [Fact]
    public async Task Rehearse_without_gitops_files_names_the_parameter_and_starts_nothing()
    {
        var build = new RehearsalBuild();

        var outcome = await _run.RunAsync(build, "Rehearse");

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation);
        _run.Output.Should().Contain("--rehearsal-gitops");
        build.Infrastructure.Started.Should().BeEmpty();
    }

    [Fact]
    public async Task Rehearse_refuses_a_remote_image_before_starting_any_infrastructure()
    {
        WriteSeed("gitops", Spec);
        var build = new RehearsalBuild();

        var outcome = await _run.RunAsync(build, "Rehearse", "--rehearsal-gitops", "gitops", "--rehearsal-image", "ghcr.io/org/app");

        outcome.ExitCode.Should().Be(BuildOutcome.Failure);
        _run.Output.Should().Contain("must name a loopback registry with a port");
        build.Infrastructure.Started.Should().BeEmpty();
    }

    [Fact]
    public async Task Rehearse_seeds_the_team_files_with_the_spec_image_moved_onto_the_local_registry()
    {
        WriteSeed("gitops", Spec);
        var values = Path.Combine(_run.Root, "gitops", "dev", "values.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(values)!);
        File.WriteAllText(values, "image:\n  tag: old # pinned\n");
        var build = new RehearsalBuild();

        await _run.RunAsync(build, "Rehearse", "--rehearsal-gitops", "gitops");

        var settings = build.Infrastructure.Started.Should().ContainSingle().Subject;
        settings.RegistryPort.Should().Be(RehearsalSeed.DefaultRegistryPort);
        settings.StateDirectory.Should().Be(AbsolutePath.Create(Path.Combine(_run.Root, ".nuke", "temp", "rehearsal")));
        settings.GitOpsSeed.Should().Be(AbsolutePath.Create(Path.Combine(_run.Root, ".nuke", "temp", "rehearsal", "seed")));
        (settings.GitOpsOwner, settings.GitOpsName, settings.GitOpsBranch, settings.Reseed).Should().Be(("rehearsal", "gitops", "main", false));
        File.ReadAllText(Path.Combine(settings.GitOpsSeed, "promotion.yaml")).Should().Be(Spec.Replace("ghcr.io/org/web", "localhost:5780/org/web", StringComparison.Ordinal));
        File.ReadAllText(Path.Combine(settings.GitOpsSeed, "dev", "values.yaml")).Should().Be("image:\n  tag: old # pinned\n");
        File.ReadAllText(Path.Combine(_run.Root, "gitops", "promotion.yaml")).Should().Be(Spec, "the team's own files are never changed");
    }

    [Fact]
    public async Task An_explicit_rehearsal_image_moves_every_app_onto_its_registry_port()
    {
        WriteSeed("gitops", Spec);
        var build = new RehearsalBuild();

        await _run.RunAsync(build, "Rehearse", "--rehearsal-gitops", "gitops", "--rehearsal-image", "localhost:5999/org/web");

        var settings = build.Infrastructure.Started.Should().ContainSingle().Subject;
        settings.RegistryPort.Should().Be(5999);
        File.ReadAllText(Path.Combine(settings.GitOpsSeed, "promotion.yaml")).Should().Contain("image: localhost:5999/org/web   # keep this comment");
    }

    [Fact]
    public async Task A_rehearsal_image_of_no_app_is_refused_with_the_apps_images_on_the_local_registry()
    {
        WriteSeed("gitops", Spec);
        var build = new RehearsalBuild();

        var outcome = await _run.RunAsync(build, "Rehearse", "--rehearsal-gitops", "gitops", "--rehearsal-image", "localhost:5999/other");

        outcome.ExitCode.Should().Be(BuildOutcome.Failure);
        _run.Output.Should().Contain("--rehearsal-image localhost:5999/other is the image of no app").And.Contain("localhost:5999/org/web");
        build.Infrastructure.Started.Should().BeEmpty();
    }

    [Fact]
    public async Task Several_apps_need_gitops_app_and_an_unknown_app_is_named()
    {
        WriteSeed("gitops", Spec + "\n  api:\n    image: ghcr.io/org/api\n    environments:\n      dev:\n        files:\n          - path: dev/api.yaml\n            helm: image.tag\n");
        var build = new RehearsalBuild();

        (await _run.RunAsync(build, "Rehearse", "--rehearsal-gitops", "gitops")).ExitCode.Should().Be(BuildOutcome.Failure);
        _run.Output.Should().Contain("has several apps (web (ghcr.io/org/web), api (ghcr.io/org/api)); name the one to rehearse with --gitops-app <app>");

        (await _run.RunAsync(new RehearsalBuild(), "Rehearse", "--rehearsal-gitops", "gitops", "--gitops-app", "nope")).ExitCode.Should().Be(BuildOutcome.Failure);
        _run.Output.Should().Contain("--gitops-app nope:").And.Contain("has no such app");

        var chosen = new RehearsalBuild();
        await _run.RunAsync(chosen, "Rehearse", "--rehearsal-gitops", "gitops", "--gitops-app", "api");
        chosen.Infrastructure.Started.Should().ContainSingle();
    }

    [Fact]
    public async Task A_gitops_directory_without_a_spec_is_refused_with_what_it_needs()
    {
        Directory.CreateDirectory(Path.Combine(_run.Root, "gitops"));
        var build = new RehearsalBuild();

        (await _run.RunAsync(build, "Rehearse", "--rehearsal-gitops", "gitops")).ExitCode.Should().Be(BuildOutcome.Failure);

        _run.Output.Should().Contain("has no promotion.yaml");
    }

    [Fact]
    public void The_seed_fingerprint_changes_with_the_team_files_and_the_registry_port()
    {
        WriteSeed("gitops", Spec);
        var source = AbsolutePath.Create(Path.Combine(_run.Root, "gitops"));
        var target = AbsolutePath.Create(Path.Combine(_run.Root, "seed"));

        var first = RehearsalSeed.Prepare(source, target, null, null, null).Fingerprint;
        var again = RehearsalSeed.Prepare(source, target, null, null, null).Fingerprint;
        var otherPort = RehearsalSeed.Prepare(source, target, "localhost:5999/org/web", null, null).Fingerprint;
        File.WriteAllText(Path.Combine(source, "extra.yaml"), "a: 1\n");
        var changed = RehearsalSeed.Prepare(source, target, null, null, null).Fingerprint;

        again.Should().Be(first);
        otherPort.Should().NotBe(first);
        changed.Should().NotBe(first);
    }

    [Fact]
    public async Task Rehearsal_reset_deletes_the_earlier_state_before_the_infrastructure_starts()
    {
        WriteSeed("gitops", Spec);
        var state = Directory.CreateDirectory(Path.Combine(_run.Root, ".nuke", "temp", "rehearsal", "registry")).FullName;
        var build = new RehearsalBuild();

        await _run.RunAsync(build, "Rehearse", "--rehearsal-reset", "--rehearsal-gitops", "gitops");

        build.Infrastructure.Started.Should().ContainSingle();
        build.Infrastructure.StateExistedAtStart.Should().BeFalse();
        Directory.Exists(state).Should().BeFalse();
    }

    [Fact]
    public async Task A_local_gitops_repository_directory_is_the_default_seed()
    {
        WriteSeed("gitops", Spec);
        var build = new RehearsalBuild();

        await _run.RunAsync(build, "Rehearse", "--gitops-repository", "gitops");

        build.Infrastructure.Started.Should().ContainSingle();
    }

    public void Dispose() => _run.Dispose();

    private void WriteSeed(string folder, string spec)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_run.Root, folder)).FullName;
        File.WriteAllText(Path.Combine(directory, "promotion.yaml"), spec);
    }

    private sealed class RehearsalBuild : PipelineBuild, IRehearse
    {
        public RecordingInfrastructure Infrastructure { get; } = new();

        IRehearsalInfrastructure IRehearse.RehearsalInfrastructure => Infrastructure;
    }

    /// <summary>Records what a rehearsal asks for, then stops it: these tests are about what happens before anything starts.</summary>
    private sealed class RecordingInfrastructure : IRehearsalInfrastructure
    {
        public List<RehearsalSettings> Started { get; } = [];

        public bool? StateExistedAtStart { get; private set; }

        public Task<RehearsalEnvironment> StartAsync(RehearsalSettings settings, CancellationToken cancellationToken)
        {
            Started.Add(settings);
            StateExistedAtStart = Directory.Exists(Path.Combine(settings.StateDirectory, "registry"));
            throw new BuildException("The recording infrastructure starts nothing.");
        }
    }
}
