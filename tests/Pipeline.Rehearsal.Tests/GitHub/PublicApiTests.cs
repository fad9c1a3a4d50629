using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Pipeline.Rehearsal.GitHub;

namespace Pipeline.Rehearsal.Tests.GitHub;

/// <summary>
/// The public surface of the local GitHub server (namespace <c>Pipeline.Rehearsal.GitHub</c>), compared with
/// PublicApi.approved.txt so that every change is deliberate. On a difference the current surface is written to
/// PublicApi.received.txt next to it: review it and copy it over the approved file.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_of_the_local_GitHub_server_matches_the_approved_snapshot()
    {
        var current = Describe(typeof(LocalGitHubServer).Assembly, "Pipeline.Rehearsal.GitHub");
        var folder = Path.GetDirectoryName(ThisFile())!;
        var approvedPath = Path.Combine(folder, "PublicApi.approved.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";
        if (approved != current)
        {
            File.WriteAllText(Path.Combine(folder, "PublicApi.received.txt"), current);
        }

        current.Should().Be(approved, "the public API changed; review PublicApi.received.txt and copy it over PublicApi.approved.txt if intended");
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;

    private static string Describe(Assembly assembly, string rootNamespace)
    {
        var text = new StringBuilder();
        var types = assembly.GetExportedTypes()
            .Where(t => t.Namespace == rootNamespace || t.Namespace?.StartsWith(rootNamespace + ".", StringComparison.Ordinal) == true)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            text.Append(type.IsEnum ? "enum " : type.IsValueType ? "struct " : "class ").Append(type.FullName).Append('\n');
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(flags)
                         .Where(m => m is not MethodInfo { IsSpecialName: true } && !m.Name.Contains('<', StringComparison.Ordinal)
                                     && m.Name != "EqualityContract" && m.Name != "value__")
                         .Select(Describe)
                         .Order(StringComparer.Ordinal))
            {
                text.Append("  ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Describe(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"ctor({Parameters(c)})",
        MethodInfo m => $"{(m.IsStatic ? "static " : "")}{Name(m.ReturnType)} {m.Name}({Parameters(m)})",
        PropertyInfo p => $"{Name(p.PropertyType)} {p.Name} {{{(p.GetMethod?.IsPublic == true ? " get;" : "")}{(p.SetMethod?.IsPublic == true ? " set;" : "")} }}",
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{Name(f.FieldType)} {f.Name}",
        _ => member.MemberType + " " + member.Name,
    };

    private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters()
        .Select(p => $"{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")}"));

    private static string Name(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
        : type.IsArray ? Name(type.GetElementType()!) + "[]" : type.Name;
}
