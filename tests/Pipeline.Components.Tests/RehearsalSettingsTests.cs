using Pipeline.Components.Tests.Support;
using Pipeline.Targets;

namespace Pipeline.Components.Tests;

public sealed class RehearsalSettingsTests : IDisposable
{
    private readonly BuildRun _run = new();

    [Theory]
    [InlineData("localhost:5781/consumer-service", "localhost:5781/consumer-service", 5781)]
    [InlineData("localhost:5780/demo-service:latest", "localhost:5780/demo-service", 5780)]
    [InlineData("127.0.0.1:5000/team/app", "127.0.0.1:5000/team/app", 5000)]
    public void The_rehearsal_image_names_the_loopback_registry_and_its_port(string image, string repository, int port) =>
        RehearsalRun.RehearsalImage(image).Should().Be((repository, port));

    [Theory]
    [InlineData("ghcr.io/org/app")]
    [InlineData("localhost/app")]
    [InlineData("192.168.1.5:5000/app")]
    public void A_rehearsal_image_outside_a_loopback_registry_with_a_port_is_refused(string image) =>
        FluentActions.Invoking(() => RehearsalRun.RehearsalImage(image)).Should().Throw<BuildException>()
            .WithMessage($"--rehearsal-image '{image}' must name a loopback registry with a port*");

    [Fact]
    public void A_rehearsal_image_that_is_no_image_name_is_refused_with_the_parse_error() =>
        FluentActions.Invoking(() => RehearsalRun.RehearsalImage("Not An/Image")).Should().Throw<BuildException>()
            .WithMessage("--rehearsal-image 'Not An/Image' is not an image name: *");

    [Fact]
    public async Task Rehearse_refuses_a_remote_image_before_starting_any_infrastructure()
    {
        var build = new RehearsalBuild();

        var outcome = await _run.RunAsync(build, "Rehearse", "--rehearsal-image", "ghcr.io/org/app");

        outcome.ExitCode.Should().Be(BuildOutcome.Failure);
        _run.Output.Should().Contain("must name a loopback registry with a port");
        build.Infrastructure.Started.Should().BeEmpty();
    }

    [Fact]
    public async Task Rehearse_asks_the_infrastructure_for_the_image_port_the_seed_and_a_state_folder_under_temp()
    {
        var build = new RehearsalBuild();

        await _run.RunAsync(build, "Rehearse", "--rehearsal-image", "localhost:5781/consumer-service", "--rehearsal-gitops", "gitops-seed");

        var settings = build.Infrastructure.Started.Should().ContainSingle().Subject;
        settings.RegistryPort.Should().Be(5781);
        settings.GitOpsSeed.Should().Be(AbsolutePath.Create(Path.Combine(_run.Root, "gitops-seed")));
        settings.StateDirectory.Should().Be(AbsolutePath.Create(Path.Combine(_run.Root, ".nuke", "temp", "rehearsal")));
        (settings.GitOpsOwner, settings.GitOpsName).Should().Be(("rehearsal", "gitops"));
    }

    [Fact]
    public async Task Rehearsal_reset_deletes_the_earlier_state_before_the_infrastructure_starts()
    {
        var state = Directory.CreateDirectory(Path.Combine(_run.Root, ".nuke", "temp", "rehearsal", "registry")).FullName;
        var build = new RehearsalBuild();

        await _run.RunAsync(build, "Rehearse", "--rehearsal-reset");

        build.Infrastructure.Started.Should().ContainSingle();
        build.Infrastructure.StateExistedAtStart.Should().BeFalse();
        Directory.Exists(state).Should().BeFalse();
    }

    public void Dispose() => _run.Dispose();

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
