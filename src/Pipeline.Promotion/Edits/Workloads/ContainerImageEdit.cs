using Pipeline.Containers;

namespace Pipeline.Promotion.Edits;

/// <summary>
/// Writes <c>repository:tag@digest</c> into the <c>image</c> of the container named <see cref="Container"/> in
/// a Kubernetes workload: Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job,
/// CronJob (<c>spec.jobTemplate.spec.template</c>) and Argo Rollout, in any document of the file (and in the
/// items of a <c>kind: List</c>), among <c>containers</c> and <c>initContainers</c>.
/// </summary>
/// <param name="Container">The container's <c>name</c>.</param>
public sealed record ContainerImageEdit(string Container) : ManifestEdit
{
    /// <summary>Only workloads of this kind (<c>Deployment</c>, <c>Rollout</c>...); null for any known kind.</summary>
    public string? Kind { get; init; }

    /// <summary>Only the workload with this <c>metadata.name</c>; null for any.</summary>
    public string? Workload { get; init; }

    /// <summary>Which parts follow the repository: <c>Tag | Digest</c> (the default) writes <c>repo:tag@digest</c>.</summary>
    public ImageParts Parts { get; init; } = ImageParts.Tag | ImageParts.Digest;

    /// <summary>Also look among <c>initContainers</c> (true by default).</summary>
    public bool IncludeInitContainers { get; init; } = true;

    /// <inheritdoc />
    public override string Selector =>
        $"container {Container}" + (Kind is null && Workload is null ? "" : $" in {Kind ?? "*"}/{Workload ?? "*"}");

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (string.IsNullOrWhiteSpace(Container))
        {
            throw new ManifestEditConfigException("container", nameof(Container), "A container edit needs the container's name.");
        }

        if (Kind is not null && WorkloadKinds.PodSpecPath(Kind) is null && Kind != "List")
        {
            throw new ManifestEditConfigException(Selector, nameof(Kind),
                $"{Selector}: kind '{Kind}' is not a workload this edit knows; use one of {string.Join(", ", WorkloadKinds.Names)}.");
        }

        ImageValues.ValidateReferenceParts(Parts, Selector, nameof(Parts));
    }

    /// <inheritdoc />
    public override EditResult Apply(ManifestDocument document, ImageReference image)
    {
        var plan = EditPlan.Start(document, this);
        _ = ImageValues.Reference(image, Parts, document, Selector); // fails early when the image lacks a part
        var found = new List<string>();
        var matches = new WorkloadLocator(plan, this, found).Find();
        CheckCount(document, Selector, matches.Count, atLeastOneByDefault: false,
            () => matches.Count > 0 ? [.. matches.Select(m => $"line {m.Line} {YamlPaths.Describe(m)}")] : found,
            "Check the container name, Kind and Workload against the file.");
        foreach (var match in matches)
        {
            plan.Replace(match, ImageValues.Reference(image, Parts, document, Selector, match.Value), ImageValues.ReferenceField, Selector);
        }

        plan.Matches = matches.Count;
        return plan.Execute();
    }
}
