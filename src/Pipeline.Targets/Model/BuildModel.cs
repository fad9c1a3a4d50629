using System.Reflection;

namespace Pipeline.Targets;

/// <summary>The targets and parameters of a build instance, discovered by reflection over its class and component interfaces.</summary>
internal sealed class BuildModel
{
    private const BindingFlags InstanceMembers = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private BuildModel(IReadOnlyList<TargetSpec> targets, IReadOnlyList<ParameterSpec> parameters)
    {
        Targets = targets;
        Parameters = parameters;
    }

    public IReadOnlyList<TargetSpec> Targets { get; }

    public IReadOnlyList<ParameterSpec> Parameters { get; }

    public TargetSpec? FindTarget(string name) =>
        Targets.FirstOrDefault(t => Names.Normalize(t.Name) == Names.Normalize(name));

    public static BuildModel Discover(object build)
    {
        var type = build.GetType();
        var targets = DiscoverTargets(build, type);
        var parameters = ParameterSpec.Discover(type);
        return new BuildModel(targets, parameters);
    }

    /// <summary>Class hierarchy first (most derived last, so a build reads in declaration order), then interfaces.</summary>
    internal static IEnumerable<Type> MemberSources(Type type)
    {
        var chain = new List<Type>();
        for (var current = type; current != null && current != typeof(object); current = current.BaseType)
        {
            chain.Insert(0, current);
        }

        return chain.Concat(type.GetInterfaces().OrderBy(i => i.FullName, StringComparer.Ordinal));
    }

    private static List<TargetSpec> DiscoverTargets(object build, Type type)
    {
        var properties = new List<(string Name, PropertyInfo Property)>();
        foreach (var source in MemberSources(type))
        {
            foreach (var property in source.GetProperties(InstanceMembers).OrderBy(p => p.MetadataToken))
            {
                // Explicit implementations ("Target ITest.Test") are reached through the interface property.
                if (property.PropertyType != typeof(Target) || property.Name.Contains('.'))
                {
                    continue;
                }

                if (properties.Any(p => p.Name == property.Name))
                {
                    continue;
                }

                properties.Add((property.Name, property));
            }
        }

        var specs = new List<TargetSpec>();
        var byMethod = new Dictionary<MethodInfo, TargetSpec>();
        foreach (var (name, property) in properties)
        {
            var target = (Target?)property.GetValue(build)
                ?? throw new BuildDefinitionException($"Target '{name}' returns null; declare it as `Target {name} => _ => _.Executes(...)`.");
            var definition = new TargetDefinition(build);
            target(definition);
            var spec = new TargetSpec(name, specs.Count, definition, property.DeclaringType!);
            if (byMethod.TryGetValue(target.Method, out var existing))
            {
                throw new BuildDefinitionException($"Targets '{existing.Name}' and '{name}' are the same definition; give each target its own lambda.");
            }

            byMethod[target.Method] = spec;
            specs.Add(spec);
        }

        foreach (var spec in specs)
        {
            Resolve(spec, byMethod);
        }

        foreach (var spec in specs)
        {
            spec.AllDependencies.AddRange(spec.DependsOn);
            spec.AllTriggers.AddRange(spec.Triggers);
        }
        foreach (var spec in specs)
        {
            foreach (var dependent in Lookup(spec.Definition.DependentForTargets, byMethod, spec, "DependentFor"))
            {
                AddOnce(dependent.AllDependencies, spec);
            }

            foreach (var trigger in Lookup(spec.Definition.TriggeredByTargets, byMethod, spec, "TriggeredBy"))
            {
                AddOnce(trigger.AllTriggers, spec);
            }
        }
        return specs;
    }

    private static void Resolve(TargetSpec spec, Dictionary<MethodInfo, TargetSpec> byMethod)
    {
        var definition = spec.Definition;
        spec.DependsOn.AddRange(Lookup(definition.DependsOnTargets, byMethod, spec, "DependsOn"));
        spec.After.AddRange(Lookup(definition.AfterTargets, byMethod, spec, "After"));
        spec.Before.AddRange(Lookup(definition.BeforeTargets, byMethod, spec, "Before"));
        spec.Triggers.AddRange(Lookup(definition.TriggersTargets, byMethod, spec, "Triggers"));
    }

    private static IEnumerable<TargetSpec> Lookup(List<Target> targets, Dictionary<MethodInfo, TargetSpec> byMethod, TargetSpec owner, string relation)
    {
        foreach (var target in targets)
        {
            if (target is null || !byMethod.TryGetValue(target.Method, out var spec))
            {
                throw new BuildDefinitionException(
                    $"Target '{owner.Name}' names a target in {relation}(...) that is not a Target property of this build; " +
                    "reference the property itself (for example DependsOn(Compile)).");
            }

            yield return spec;
        }
    }

    private static void AddOnce(List<TargetSpec> list, TargetSpec spec)
    {
        if (!list.Contains(spec))
        {
            list.Add(spec);
        }
    }
}
