using System.Reflection;
using System.Runtime.CompilerServices;

namespace Pipeline.GitHub.Tests.PublicApi;

/// <summary>
/// The public surface of Pipeline.GitHub, compared with the approved list beside this file, so that every change
/// to it is deliberate. To approve a change, copy the printed <c>.received.txt</c> over <c>Pipeline.GitHub.approved.txt</c>.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_approved_list()
    {
        var actual = Describe(typeof(GitHubClient).Assembly);
        var approvedPath = Path.Combine(SourceDirectory(), "Pipeline.GitHub.approved.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";

        if (actual != approved)
        {
            var received = approvedPath.Replace(".approved.txt", ".received.txt", StringComparison.Ordinal);
            File.WriteAllText(received, actual);
            actual.Should().Be(approved, $"the public API changed; if that is intended, copy {received} over {approvedPath}");
        }
    }

    private static string Describe(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Add($"{Kind(type)} {Name(type)}{Bases(type)}");
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = type.GetMembers(flags)
                .Where(m => m is not MethodInfo { IsSpecialName: true } && m.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
                .Where(m => !(type.IsEnum && m is FieldInfo { IsSpecialName: true }))
                .Select(Member)
                .Where(m => m is not null)
                .Order(StringComparer.Ordinal);
            lines.AddRange(members.Select(m => "  " + m));
        }

        return string.Join("\n", lines) + "\n";
    }

    private static string? Member(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"ctor({Parameters(c)})",
        MethodInfo m when m.Name is "<Clone>$" => null,
        MethodInfo m => $"{(m.IsStatic ? "static " : "")}{Name(m.ReturnType)} {m.Name}({Parameters(m)})",
        PropertyInfo p => $"{(p.GetMethod?.IsStatic == true ? "static " : "")}{Name(p.PropertyType)} {p.Name} {{ {(p.GetMethod?.IsPublic == true ? "get; " : "")}{(p.SetMethod?.IsPublic == true ? (p.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Any(t => t.Name == "IsExternalInit") ? "init; " : "set; ") : "")}}}",
        FieldInfo f when f.DeclaringType!.IsEnum => f.Name,
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{Name(f.FieldType)} {f.Name}",
        _ => null,
    };

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")}"));

    private static string Kind(Type type) =>
        type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" :
        type.GetMethod("<Clone>$") is not null ? (type.IsSealed ? "sealed record" : "record") : type.IsSealed ? "sealed class" : type.IsAbstract ? "abstract class" : "class";

    private static string Bases(Type type)
    {
        var bases = new List<string>();
        if (type.BaseType is { } b && b != typeof(object) && b != typeof(Enum) && b != typeof(ValueType))
        {
            bases.Add(Name(b));
        }

        bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic && !i.Name.StartsWith("IEquatable", StringComparison.Ordinal)).Select(Name).Order(StringComparer.Ordinal));
        return bases.Count == 0 ? "" : " : " + string.Join(", ", bases);
    }

    private static string Name(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (!type.IsGenericType)
        {
            return type.Namespace is "System" or "System.Threading" or "System.Threading.Tasks" or "System.Net" ? type.Name : type.FullName ?? type.Name;
        }

        var name = type.GetGenericTypeDefinition().FullName!;
        name = name[..name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>";
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
