using System.Reflection;
using System.Text;

namespace Pipeline.Tests.Shared;

/// <summary>
/// A text snapshot of an assembly's public surface (types and their public and protected members, sorted),
/// compared with PublicApi.txt beside the test project so that changes to a package's API are deliberate.
/// Set UPDATE_PUBLIC_API=1 to rewrite the snapshot.
/// </summary>
internal static class PublicApi
{
    public static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Kind(type)).Append(' ').Append(Name(type));
            var bases = new[] { type.BaseType }.Where(b => b != null && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum) && b != typeof(MulticastDelegate))
                .Concat(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).OrderBy(i => i.FullName, StringComparer.Ordinal))
                .Select(b => Name(b!)).ToList();
            if (bases.Count > 0)
                text.Append(" : ").Append(string.Join(", ", bases));
            text.Append('\n');
            foreach (var member in Members(type))
                text.Append("  ").Append(member).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Compares with <c>PublicApi.txt</c> in the folder of the calling test file.</summary>
    public static void VerifyBesideCaller(Assembly assembly, [System.Runtime.CompilerServices.CallerFilePath] string caller = "") =>
        Verify(assembly, Path.Combine(Path.GetDirectoryName(caller)!, "PublicApi.txt"));

    public static void Verify(Assembly assembly, string snapshotPath)
    {
        var actual = Describe(assembly);
        if (Environment.GetEnvironmentVariable("UPDATE_PUBLIC_API") == "1")
            File.WriteAllText(snapshotPath, actual);
        if (!File.Exists(snapshotPath))
            throw new InvalidOperationException($"No public API snapshot at {snapshotPath}; run the tests with UPDATE_PUBLIC_API=1 to create it.");
        var expected = File.ReadAllText(snapshotPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected != actual)
        {
            var added = actual.Split('\n').Except(expected.Split('\n')).Take(20);
            var removed = expected.Split('\n').Except(actual.Split('\n')).Take(20);
            throw new InvalidOperationException(
                $"The public API of {assembly.GetName().Name} changed. If that is deliberate, run the tests with UPDATE_PUBLIC_API=1.\n" +
                "Added:\n  " + string.Join("\n  ", added) + "\nRemoved:\n  " + string.Join("\n  ", removed));
        }
    }

    private static IEnumerable<string> Members(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.IsEnum)
            return Enum.GetNames(type).Select(n => n);
        if (typeof(Delegate).IsAssignableFrom(type))
            return [Signature(type.GetMethod("Invoke")!)];
        var members = new List<string>();
        foreach (var member in type.GetMembers(flags))
        {
            switch (member)
            {
                case ConstructorInfo c when Visible(c):
                    members.Add($"ctor({Parameters(c)})");
                    break;
                case MethodInfo m when Visible(m) && !m.IsSpecialName && !IsRecordPlumbing(m):
                    members.Add(Signature(m));
                    break;
                case PropertyInfo p when (p.GetMethod is { } g && Visible(g)) || (p.SetMethod is { } s && Visible(s)):
                    var accessors = (p.GetMethod is { } get && Visible(get) ? "get; " : "") + (p.SetMethod is { } set && Visible(set) ? (IsInitOnly(set) ? "init; " : "set; ") : "");
                    members.Add($"{(Static(p.GetMethod ?? p.SetMethod!) ? "static " : "")}{Name(p.PropertyType)} {p.Name} {{ {accessors}}}");
                    break;
                case FieldInfo f when (f.IsPublic || f.IsFamily) && !f.IsSpecialName:
                    members.Add($"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{(f.IsInitOnly ? "readonly " : "")}{Name(f.FieldType)} {f.Name}");
                    break;
                case EventInfo e when e.AddMethod is { } add && Visible(add):
                    members.Add($"event {Name(e.EventHandlerType!)} {e.Name}");
                    break;
            }
        }
        return members.Order(StringComparer.Ordinal);
    }

    private static bool Visible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;
    private static bool Static(MethodBase method) => method.IsStatic;
    private static bool IsInitOnly(MethodInfo setter) => setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit");
    private static bool IsRecordPlumbing(MethodInfo method) => method.Name is "<Clone>$" or "PrintMembers" or "Deconstruct" && method.DeclaringType!.GetMethod("<Clone>$") != null;

    private static string Signature(MethodInfo method) =>
        $"{(method.IsStatic ? "static " : "")}{(method.IsAbstract && !method.DeclaringType!.IsInterface ? "abstract " : "")}{Name(method.ReturnType)} {method.Name}" +
        (method.IsGenericMethod ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : "") +
        $"({Parameters(method)})";

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p => $"{(p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : "")}{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")}"));

    private static string Kind(Type type) =>
        type.IsInterface ? "interface" : type.IsEnum ? "enum" : typeof(Delegate).IsAssignableFrom(type) ? "delegate" : type.IsValueType ? "struct"
        : type.IsAbstract && type.IsSealed ? "static class" : type.IsAbstract ? "abstract class" : type.IsSealed ? "sealed class" : "class";

    private static string Name(Type type)
    {
        if (type.IsByRef)
            return Name(type.GetElementType()!);
        if (type.IsArray)
            return Name(type.GetElementType()!) + "[]";
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return Name(underlying) + "?";
        if (type.IsGenericParameter)
            return type.Name;
        var name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : (type.Namespace is null ? "" : type.Namespace + ".") + type.Name;
        if (!type.IsGenericType)
            return name;
        name = name[..name.IndexOf('`', StringComparison.Ordinal)];
        return name + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
    }
}
