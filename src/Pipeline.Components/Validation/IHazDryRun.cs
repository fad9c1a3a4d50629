using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>A build that can show what it would do without doing it.</summary>
public interface IHazDryRun : IPipelineBuild
{
    /// <summary>Push no image and write no commit or branch: each target says what it would do.</summary>
    [Parameter("Write nothing anywhere: push no image, write no commit or branch; each target shows what it would do.")]
    bool DryRun => TryGetValue<bool?>() ?? false;
}
