using Pipeline.Targets;

namespace Pipeline.Targets.Tests;

/// <summary>A build whose targets check their inputs before anything runs, as the pipeline's components do.</summary>
public sealed class ValidatingBuild : RecordingBuild
{
    [Parameter("Where to publish.")]
    public readonly string Destination = "local";

    [Parameter("Token for the destination.")]
    [Secret]
    public readonly string? DestinationToken;

    [Parameter("Directory to publish.")]
    public readonly AbsolutePath? Folder;

    public int ChecksRun { get; private set; }

    public Target Slow => _ => _.Executes(() => Record(nameof(Slow)));

    public Target Package => _ => _
        .DependsOn(Slow)
        .Validates(check =>
        {
            ChecksRun++;
            if (Folder is { } folder && !folder.DirectoryExists())
            {
                check.Problem($"the folder {folder} does not exist.", "create it, or point --folder at the directory to publish.", nameof(Folder));
            }
        })
        .Executes(() => Record(nameof(Package)));

    public Target Publish => _ => _
        .DependsOn(Package)
        .Validates(async check =>
        {
            ChecksRun++;
            await Task.Yield();
            check.Setting("destination", Destination, check.SourceOf(nameof(Destination)));
            if (Destination != "local" && DestinationToken is null)
            {
                check.Problem($"publishing to {Destination} needs a token.", "pass --destination-token, or set PUBLISH_TOKEN.", nameof(DestinationToken), "PUBLISH_TOKEN");
            }
        })
        .Executes(() => Record(nameof(Publish)));

    public Target Throwing => _ => _
        .Validates(_ => throw new InvalidOperationException("the check itself broke"))
        .Executes(() => Record(nameof(Throwing)));
}
