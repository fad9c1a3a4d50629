using System.Globalization;

namespace Pipeline.Targets;

/// <summary>Converts raw text values into a parameter's type.</summary>
internal static class ValueConverter
{
    /// <summary>Converts; on failure returns the offending raw value and what was expected.</summary>
    public static ConversionResult Convert(ParameterSpec spec, IReadOnlyList<string> raw, bool splitValues, AbsolutePath root)
    {
        var kind = spec.Kind;
        if (kind.IsList)
        {
            var items = splitValues
                ? raw.SelectMany(r => r.Split(spec.Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
                : raw.ToList();
            var array = Array.CreateInstance(kind.ElementType, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                if (!TryScalar(kind.ElementType, items[i], root, out var item))
                {
                    return ConversionResult.Failed(items[i], kind);
                }

                array.SetValue(item, i);
            }
            return ConversionResult.Converted(ShapeList(array, kind));
        }

        if (raw.Count == 0)
        {
            return kind.IsBool ? ConversionResult.Converted(true) : ConversionResult.Failed("", kind, "a value is missing");
        }
        if (raw.Count > 1)
        {
            return ConversionResult.Failed(string.Join(' ', raw), kind, "only one value is allowed");
        }

        return TryScalar(kind.ElementType, raw[0], root, out var value)
            ? ConversionResult.Converted(value)
            : ConversionResult.Failed(raw[0], kind);
    }

    private static object ShapeList(Array array, ValueKind kind)
    {
        var listType = kind.ListType!;
        if (listType.IsArray || listType.IsAssignableFrom(array.GetType()))
        {
            return array;
        }

        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(kind.ElementType))!;
        foreach (var item in array)
        {
            list.Add(item);
        }

        return list;
    }

    private static bool TryScalar(Type type, string text, AbsolutePath root, out object? value)
    {
        value = null;
        if (type == typeof(string))
        {
            value = text;
            return true;
        }
        if (type == typeof(bool))
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "true" or "1" or "yes" or "on": value = true; return true;
                case "false" or "0" or "no" or "off": value = false; return true;
                default: return false;
            }
        }
        if (type == typeof(int) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
        {
            value = i;
            return true;
        }
        if (type == typeof(long) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
        {
            value = l;
            return true;
        }
        if (type == typeof(double) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            value = d;
            return true;
        }
        if (type == typeof(AbsolutePath) && text.Length > 0 && text.IndexOfAny(Path.GetInvalidPathChars()) < 0)
        {
            value = Path.IsPathRooted(text) ? AbsolutePath.Create(text) : root / text;
            return true;
        }
        if (type == typeof(Uri) && Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            value = uri;
            return true;
        }
        if (type.IsEnum)
        {
            var name = Enum.GetNames(type).FirstOrDefault(n => Names.Normalize(n) == Names.Normalize(text));
            if (name != null)
            {
                value = Enum.Parse(type, name);
                return true;
            }
        }
        return false;
    }
}

/// <summary>The outcome of a conversion.</summary>
internal readonly record struct ConversionResult(bool Success, object? Value, string? RawValue, string? Expected)
{
    public static ConversionResult Converted(object? value) => new(true, value, null, null);

    public static ConversionResult Failed(string raw, ValueKind kind, string? reason = null) =>
        new(false, null, raw, reason ?? Expectation(kind));

    private static string Expectation(ValueKind kind)
    {
        var type = kind.ElementType;
        var what = type switch
        {
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(double) => "a number",
            _ when type == typeof(Uri) => "an absolute URI such as https://example.com",
            _ when type == typeof(AbsolutePath) => "a file-system path",
            { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type)),
            _ => kind.Describe(),
        };
        return $"expected {what} ({kind.Describe()})";
    }
}
