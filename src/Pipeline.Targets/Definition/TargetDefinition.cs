namespace Pipeline.Targets;

/// <summary>A condition with the source text it was written as, shown as the reason when it skips a target.</summary>
internal sealed record Condition(Func<bool> Evaluate, string Text);

/// <summary>A requirement: a value that must be set, or a condition that must hold.</summary>
internal sealed record Requirement(Func<bool> IsMet, string Text);

/// <summary>Collects what a <see cref="Target"/> delegate declares.</summary>
internal sealed class TargetDefinition(object build) : ITargetDefinition
{
    public string? DescriptionText { get; private set; }
    public List<Func<TargetContext, Task>> Actions { get; } = [];
    public List<Target> DependsOnTargets { get; } = [];
    public List<Target> DependentForTargets { get; } = [];
    public List<Target> AfterTargets { get; } = [];
    public List<Target> BeforeTargets { get; } = [];
    public List<Target> TriggersTargets { get; } = [];
    public List<Target> TriggeredByTargets { get; } = [];
    public List<Condition> StaticConditions { get; } = [];
    public List<Condition> DynamicConditions { get; } = [];
    public List<Requirement> Requirements { get; } = [];
    public List<Func<TargetValidation, Task>> Checks { get; } = [];
    public List<string> ProducedPatterns { get; } = [];
    public DependencyBehavior SkipBehavior { get; private set; }
    public bool Proceeds { get; private set; }
    public bool Assured { get; private set; }
    public bool IsUnlisted { get; private set; }

    public ITargetDefinition Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public ITargetDefinition Executes(Action action) => Add(_ => { action(); return Task.CompletedTask; });
    public ITargetDefinition Executes(Func<Task> action) => Add(_ => action());
    public ITargetDefinition Executes(Action<TargetContext> action) => Add(context => { action(context); return Task.CompletedTask; });
    public ITargetDefinition Executes(Func<TargetContext, Task> action) => Add(action);

    public ITargetDefinition DependsOn(params Target[] targets) => AddTo(DependsOnTargets, targets);
    public ITargetDefinition DependentFor(params Target[] targets) => AddTo(DependentForTargets, targets);
    public ITargetDefinition After(params Target[] targets) => AddTo(AfterTargets, targets);
    public ITargetDefinition Before(params Target[] targets) => AddTo(BeforeTargets, targets);
    public ITargetDefinition Triggers(params Target[] targets) => AddTo(TriggersTargets, targets);
    public ITargetDefinition TriggeredBy(params Target[] targets) => AddTo(TriggeredByTargets, targets);

    public ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets) where T : class => AddTo(DependsOnTargets, Select(targets));
    public ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets) where T : class => AddTo(DependentForTargets, Select(targets));
    public ITargetDefinition After<T>(params Func<T, Target>[] targets) where T : class => AddTo(AfterTargets, Select(targets));
    public ITargetDefinition Before<T>(params Func<T, Target>[] targets) where T : class => AddTo(BeforeTargets, Select(targets));

    public ITargetDefinition OnlyWhenStatic(Func<bool> condition, string? expression = null)
    {
        StaticConditions.Add(new Condition(condition, ExpressionText.Clean(expression)));
        return this;
    }

    public ITargetDefinition OnlyWhenDynamic(Func<bool> condition, string? expression = null)
    {
        DynamicConditions.Add(new Condition(condition, ExpressionText.Clean(expression)));
        return this;
    }

    public ITargetDefinition WhenSkipped(DependencyBehavior behavior)
    {
        SkipBehavior = behavior;
        return this;
    }

    public ITargetDefinition Requires<T>(Func<T?> value, string? expression = null)
    {
        Requirements.Add(new Requirement(() => !IsEmpty(value()), ExpressionText.Clean(expression)));
        return this;
    }

    public ITargetDefinition Requires(Func<bool> condition, string? expression = null)
    {
        Requirements.Add(new Requirement(condition, ExpressionText.Clean(expression)));
        return this;
    }

    public ITargetDefinition Validates(Action<TargetValidation> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        Checks.Add(validation => { check(validation); return Task.CompletedTask; });
        return this;
    }

    public ITargetDefinition Validates(Func<TargetValidation, Task> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        Checks.Add(check);
        return this;
    }

    public ITargetDefinition ProceedAfterFailure()
    {
        Proceeds = true;
        return this;
    }

    public ITargetDefinition AssuredAfterFailure()
    {
        Assured = true;
        return this;
    }

    public ITargetDefinition Unlisted()
    {
        IsUnlisted = true;
        return this;
    }

    public ITargetDefinition Produces(params string[] patterns)
    {
        ProducedPatterns.AddRange(patterns);
        return this;
    }

    private Target[] Select<T>(Func<T, Target>[] targets) where T : class =>
        build is T component
            ? targets.Select(select => select(component)).ToArray()
            : throw new BuildDefinitionException($"{build.GetType().Name} names a target of {typeof(T).Name}, which it does not implement; add {typeof(T).Name} to its interfaces.");

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string text => text.Length == 0,
        System.Collections.ICollection collection => collection.Count == 0,
        _ => false,
    };

    private TargetDefinition Add(Func<TargetContext, Task> action)
    {
        Actions.Add(action);
        return this;
    }

    private TargetDefinition AddTo(List<Target> list, Target[] targets)
    {
        list.AddRange(targets);
        return this;
    }
}
