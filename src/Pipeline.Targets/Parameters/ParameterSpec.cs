using System.Reflection;

namespace Pipeline.Targets;

/// <summary>A parameter as discovered on the build class or one of its component interfaces.</summary>
internal sealed class ParameterSpec
{
    private const BindingFlags InstanceMembers = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private ParameterSpec(MemberInfo member, Type valueType, ParameterAttribute attribute, bool isSecret)
    {
        Member = member;
        Name = member.Name;
        ValueType = valueType;
        Description = attribute.Description;
        Separator = attribute.Separator;
        IsSecret = isSecret;
        Option = "--" + Names.Kebab(Name);
        EnvironmentVariable = Names.Screaming(Name);
        Kind = ValueKind.Of(valueType);
    }

    public MemberInfo Member { get; }
    public string Name { get; }
    public Type ValueType { get; }
    public string? Description { get; }
    public char Separator { get; }
    public bool IsSecret { get; }
    public string Option { get; }
    public string EnvironmentVariable { get; }
    public ValueKind Kind { get; }

    /// <summary>Reads the member's current value: the bound value, or the default its declaration gives.</summary>
    public object? GetCurrentValue(object build) => Member switch
    {
        FieldInfo field => field.GetValue(build),
        PropertyInfo property => property.GetValue(build),
        _ => null,
    };

    /// <summary>Writes a bound value into the member when it can hold one (fields, settable or auto properties).</summary>
    public void Assign(object build, object? value)
    {
        switch (Member)
        {
            case FieldInfo field:
                field.SetValue(build, value);
                break;
            case PropertyInfo { DeclaringType.IsInterface: false } property when property.SetMethod != null:
                property.SetValue(build, value);
                break;
            case PropertyInfo { DeclaringType.IsInterface: false } property:
                property.DeclaringType!.GetField($"<{property.Name}>k__BackingField", InstanceMembers)?.SetValue(build, value);
                break;
        }
    }

    public static IReadOnlyList<ParameterSpec> Discover(Type type)
    {
        var specs = new List<ParameterSpec>();
        foreach (var source in BuildModel.MemberSources(type))
        {
            foreach (var member in source.GetMembers(InstanceMembers).OrderBy(m => m.MetadataToken))
            {
                if (member.GetCustomAttribute<ParameterAttribute>() is not { } attribute)
                {
                    continue;
                }

                var valueType = member switch
                {
                    FieldInfo field => field.FieldType,
                    PropertyInfo property => property.PropertyType,
                    _ => throw new BuildDefinitionException($"[Parameter] on '{member.Name}' must be on a field or property."),
                };
                var spec = new ParameterSpec(member, valueType, attribute, member.GetCustomAttribute<SecretAttribute>() != null);
                if (spec.Kind.Error is { } error)
                {
                    throw new BuildDefinitionException($"Parameter '{member.DeclaringType?.Name}.{member.Name}': {error}");
                }

                var clash = specs.FirstOrDefault(s => Names.Normalize(s.Name) == Names.Normalize(spec.Name));
                if (clash != null)
                {
                    throw new BuildDefinitionException(
                        $"Parameter '{spec.Name}' is declared by both {clash.Member.DeclaringType?.Name} and {member.DeclaringType?.Name}; " +
                        "declare it once (for example in a shared IHaz... interface) and let both use it.");
                }
                if (BuiltInOptions.IsReserved(spec.Name))
                {
                    throw new BuildDefinitionException($"Parameter '{spec.Name}' clashes with the built-in option --{Names.Kebab(spec.Name)}; rename it.");
                }

                specs.Add(spec);
            }
        }
        return specs;
    }
}
