namespace Pipeline.Promotion.Edits;

/// <summary>Finds the <c>image</c> scalars of the containers a <see cref="ContainerImageEdit"/> names.</summary>
internal sealed class WorkloadLocator(EditPlan plan, ContainerImageEdit edit, List<string> found)
{
    private readonly List<YamlScalar> _matches = [];

    public List<YamlScalar> Find()
    {
        foreach (var document in plan.Tree.Documents)
        {
            Visit(document.Root);
        }

        return _matches;
    }

    private void Visit(YamlNode? node)
    {
        if (Follow(node) is not YamlMapping resource || Text(resource, "kind") is not { } kind)
        {
            return;
        }

        if (kind == "List")
        {
            if (Follow(resource.ValueOf("items")) is YamlSequence items)
            {
                items.Items.ForEach(Visit);
            }

            return;
        }

        var name = Follow(resource.ValueOf("metadata")) is YamlMapping metadata ? Text(metadata, "name") ?? "?" : "?";
        if (WorkloadKinds.PodSpecPath(kind) is not { } path)
        {
            return;
        }

        var workload = $"{kind}/{name}";
        if ((edit.Kind is not null && edit.Kind != kind) || (edit.Workload is not null && edit.Workload != name))
        {
            found.Add($"{workload} (not selected)");
            return;
        }

        YamlNode? podSpec = resource;
        foreach (var key in path)
        {
            podSpec = Follow(podSpec) is YamlMapping mapping ? mapping.ValueOf(key) : null;
        }

        if (Follow(podSpec) is not YamlMapping spec)
        {
            found.Add(kind == "Rollout" && Follow(resource.ValueOf("spec")) is YamlMapping rollout && rollout.ValueOf("workloadRef") is not null
                ? $"{workload} uses spec.workloadRef, so its containers are in the referenced workload: pin the image there"
                : $"{workload} has no pod template at {string.Join('.', path)}");
            return;
        }

        var lists = edit.IncludeInitContainers ? new[] { "containers", "initContainers" } : ["containers"];
        foreach (var list in lists)
        {
            if (Follow(spec.ValueOf(list)) is YamlSequence containers)
            {
                VisitContainers(workload, list, containers);
            }
        }
    }

    private void VisitContainers(string workload, string list, YamlSequence containers)
    {
        var names = new List<string>();
        foreach (var item in containers.Items)
        {
            if (Follow(item) is not YamlMapping container)
            {
                continue;
            }

            var name = Text(container, "name") ?? "?";
            names.Add(name);
            if (name != edit.Container)
            {
                continue;
            }

            ValuesLocator.NotAlias(plan, item, edit.Selector);
            var image = container.ValuesOf("image");
            if (image.Count != 1)
            {
                throw new ManifestLocationException(plan.Document.Path, edit.Selector, container.Line, container.Column,
                    $"{plan.Document.Path}:{container.Line}: container {name} of {workload} has {image.Count} 'image' keys; give it exactly one.");
            }

            if (ValuesLocator.NotAlias(plan, image[0], edit.Selector) is YamlScalar scalar)
            {
                _matches.Add(scalar);
            }
            else
            {
                throw new ManifestLocationException(plan.Document.Path, edit.Selector, image[0].Line, image[0].Column,
                    $"{plan.Document.Path}:{image[0].Line}: the image of container {name} is a {image[0].KindName}, not a value.");
            }
        }

        found.Add($"{workload} {list}: {(names.Count == 0 ? "(none)" : string.Join(", ", names))}");
    }

    /// <summary>Reads through aliases (an edit through one is refused where the value is selected).</summary>
    private static YamlNode? Follow(YamlNode? node) => node is YamlAlias alias ? alias.Target : node;

    private static string? Text(YamlMapping mapping, string key) => Follow(mapping.ValueOf(key)) is YamlScalar scalar ? scalar.Value : null;
}
