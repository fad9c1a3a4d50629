using System.Globalization;

namespace Pipeline.Targets;

/// <summary>How a parameter's type is parsed, described in help and in the schema.</summary>
internal sealed class ValueKind
{
    private ValueKind(Type elementType, bool isList, Type? listType, string? error)
    {
        ElementType = elementType;
        IsList = isList;
        ListType = listType;
        Error = error;
    }

    public Type ElementType { get; }
    public bool IsList { get; }
    public Type? ListType { get; }
    public string? Error { get; }
    public bool IsBool => ElementType == typeof(bool) && !IsList;

    public static ValueKind Of(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type != typeof(string) && ListElement(type) is { } element)
        {
            element = Nullable.GetUnderlyingType(element) ?? element;
            return new ValueKind(element, true, type, IsScalar(element) ? null : $"lists of {element.Name} are not supported.");
        }
        return new ValueKind(type, false, null, IsScalar(type) ? null : $"type {type.Name} is not supported; use string, bool, int, long, double, an enum, AbsolutePath, Uri, or a list of those.");
    }

    /// <summary>A short description of the expected value: <c>int</c>, <c>one of: Debug, Release</c>, <c>list of path</c>.</summary>
    public string Describe() => IsList ? $"list of {DescribeScalar(ElementType)}" : DescribeScalar(ElementType);

    public IReadOnlyList<string> EnumNames => ElementType.IsEnum ? Enum.GetNames(ElementType) : [];

    private static string DescribeScalar(Type type) => type switch
    {
        _ when type == typeof(string) => "string",
        _ when type == typeof(bool) => "bool",
        _ when type == typeof(int) => "int",
        _ when type == typeof(long) => "long",
        _ when type == typeof(double) => "number",
        _ when type == typeof(AbsolutePath) => "path",
        _ when type == typeof(Uri) => "uri",
        { IsEnum: true } => string.Join(" | ", Enum.GetNames(type)),
        _ => type.Name,
    };

    private static bool IsScalar(Type type) =>
        type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(long) ||
        type == typeof(double) || type == typeof(AbsolutePath) || type == typeof(Uri) || type.IsEnum;

    private static Type? ListElement(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IEnumerable<>) ||
               definition == typeof(IReadOnlyCollection<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    internal static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
}
