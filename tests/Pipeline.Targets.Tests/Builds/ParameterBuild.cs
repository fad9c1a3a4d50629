using Pipeline.Targets;

namespace Pipeline.Targets.Tests;

public enum Flavor
{
    Vanilla,
    DarkChocolate,
}

/// <summary>A component that declares its own parameter and target as default interface members.</summary>
public interface IHazRegistry : IPipelineBuild
{
    [Parameter("Registry to push to.")]
    string Registry => TryGetValue<string>() ?? "localhost:5000";

    [Parameter("Token for the registry.")]
    [Secret]
    string? RegistryToken => TryGetValue<string>();
}

public interface IPush : IHazRegistry
{
    Target Push => _ => _
        .Description("Pushes to the registry.")
        .Requires(() => RegistryToken)
        .Executes(context =>
        {
            context.Report("registry", Registry);
            context.SetOutput("pushed", $"{Registry}/app\nsecond line");
            context.AppendSummary("#### Pushed\n\nto the registry");
            Log.Information($"pushing with token {RegistryToken}");
        });
}

public sealed class ParameterBuild : PipelineBuild, IPush
{
    [Parameter("Name of the image.")]
    public readonly string? ImageName;

    [Parameter("Number of retries.")]
    public readonly int Retries = 3;

    [Parameter("Do nothing, just say what would happen.")]
    public readonly bool DryRun;

    [Parameter("Flavour.")]
    public Flavor Flavor { get; set; } = Flavor.Vanilla;

    [Parameter("Platforms to build.")]
    public readonly string[] Platforms = ["linux/amd64"];

    [Parameter("Where to write things.")]
    public AbsolutePath? Output { get; }

    [Parameter("Endpoint.")]
    public readonly Uri? Endpoint;

    [Parameter("Password for the thing.")]
    [Secret]
    public readonly string? Password;

    public IHazRegistry Component => this;

    public Target Show => _ => _
        .Description("Shows the values.")
        .Executes(() => Log.Information($"image={ImageName} password={Password}"));

    public Target Release => _ => _
        .DependsOn<IPush>(x => x.Push)
        .Requires(() => ImageName)
        .Executes(() => { });
}
