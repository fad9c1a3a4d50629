using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.PublicApi;

/// <summary>The public surface of the promotion flow (namespace Pipeline.Promotion), snapshotted so that changing it is deliberate.</summary>
public sealed class PromotionPublicApiTests
{
    [Fact]
    public void Public_api_of_the_promotion_flow_matches_the_approved_snapshot()
    {
        var approvedPath = Path.Combine(Folder(), "PublicApi.Promotion.txt");
        var actual = Describe(typeof(Promoter).Assembly);
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";

        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "PublicApi.Promotion.received.txt"), actual);
        actual.Should().Be(approved, "the public API changed; if on purpose, copy PublicApi.Promotion.received.txt from the test output over "
            + "tests/Pipeline.Promotion.Tests/PublicApi/PublicApi.Promotion.txt. Diff:\n" + UnifiedDiff.Render("PublicApi.Promotion.txt", approved, actual));
    }

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().Where(t => t.Namespace == "Pipeline.Promotion").OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsAbstract && type.IsSealed ? "static class" : type.IsSealed ? "sealed class" : "class")
                .Append(' ').Append(Name(type));
            if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(Enum))
            {
                text.Append(" : ").Append(Name(baseType));
            }

            text.Append('\n');
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(flags)
                .Where(m => m is not MethodInfo { IsSpecialName: true } && m.Name is not ("<Clone>$" or "EqualityContract" or "PrintMembers" or "Equals" or "GetHashCode" or "Deconstruct" or "value__"))
                .Select(Member).Order(StringComparer.Ordinal))
            {
                text.Append("  ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Member(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"ctor({Parameters(c.GetParameters())})",
        MethodInfo m => $"{(m.IsStatic ? "static " : "")}{Name(m.ReturnType)} {m.Name}({Parameters(m.GetParameters())})",
        PropertyInfo p => $"{(p.GetMethod?.IsStatic == true ? "static " : "")}{Name(p.PropertyType)} {p.Name} {{ {(p.GetMethod?.IsPublic == true ? "get; " : "")}{(p.SetMethod?.IsPublic == true ? "set; " : "")}}}",
        FieldInfo f => $"{(f.IsStatic ? "static " : "")}{Name(f.FieldType)} {f.Name}",
        _ => member.ToString()!,
    };

    private static string Parameters(ParameterInfo[] parameters) =>
        string.Join(", ", parameters.Select(p => $"{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")}"));

    private static string Name(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
        : type.IsByRef ? Name(type.GetElementType()!) + "&" : type.Name;
}
