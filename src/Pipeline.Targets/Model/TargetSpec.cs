namespace Pipeline.Targets;

/// <summary>A target as discovered on the build: its name, where it was declared, and its resolved relations.</summary>
internal sealed class TargetSpec
{
    public TargetSpec(string name, int order, TargetDefinition definition, Type declaringType)
    {
        Name = name;
        Order = order;
        Definition = definition;
        DeclaringType = declaringType;
    }

    public string Name { get; }

    /// <summary>Declaration order, the tie-breaker that keeps plans deterministic.</summary>
    public int Order { get; }

    public TargetDefinition Definition { get; }

    public Type DeclaringType { get; }

    public string? Description => Definition.DescriptionText;

    public List<TargetSpec> DependsOn { get; } = [];
    public List<TargetSpec> After { get; } = [];
    public List<TargetSpec> Before { get; } = [];
    public List<TargetSpec> Triggers { get; } = [];

    /// <summary>Everything this target needs first: its <c>DependsOn</c> plus targets declaring <c>DependentFor</c> it.</summary>
    public List<TargetSpec> AllDependencies { get; } = [];

    /// <summary>Everything that runs after this target because of it: <c>Triggers</c> plus targets declaring <c>TriggeredBy</c> it.</summary>
    public List<TargetSpec> AllTriggers { get; } = [];

    public override string ToString() => Name;
}
