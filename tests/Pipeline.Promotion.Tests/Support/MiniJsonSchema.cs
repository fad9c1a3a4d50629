using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Promotion.Tests.Support;

/// <summary>
/// A JSON Schema validator for the keywords the promotion schema uses ($ref, type, enum, properties,
/// additionalProperties, required, propertyNames, minProperties, items, minItems, minLength, pattern, minimum,
/// oneOf), and YAML-to-JSON conversion with YAML 1.2 core scalars, to check spec files against the schema.
/// </summary>
public sealed class MiniJsonSchema(JsonNode root)
{
    public static MiniJsonSchema Load(string json) => new(JsonNode.Parse(json)!);

    public IReadOnlyList<string> Validate(JsonNode? instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    public JsonNode Resolve(string reference)
    {
        var node = root;
        foreach (var part in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]
                ?? throw new InvalidOperationException($"Unresolvable $ref {reference}");
        }

        return node;
    }

    public static JsonNode? FromYaml(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Convert)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s when s.Value is "true" or "false" => JsonValue.Create(s.Value == "true"),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s when long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s when s.Value is "null" or "~" or "" => null,
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => throw new InvalidOperationException("aliases are not used in specs"),
    };

    private void Check(JsonNode schema, JsonNode? value, string at, List<string> errors)
    {
        if (schema["$ref"] is { } reference)
        {
            Check(Resolve(reference.GetValue<string>()), value, at, errors);
        }

        if (schema["type"] is { } type && !HasType(value, type.GetValue<string>()))
        {
            errors.Add($"{at}: expected {type}");
            return;
        }

        if (schema["enum"] is JsonArray choices && !choices.Any(c => JsonNode.DeepEquals(c, value)))
        {
            errors.Add($"{at}: {value?.ToJsonString()} is not one of {choices.ToJsonString()}");
        }

        if (schema["oneOf"] is JsonArray oneOf)
        {
            var passing = oneOf.Count(s => { var e = new List<string>(); Check(s!, value, at, e); return e.Count == 0; });
            if (passing != 1)
            {
                errors.Add($"{at}: matches {passing} of oneOf, expected exactly 1");
            }
        }

        if (value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String)
        {
            var text = scalar.GetValue<string>();
            if (schema["minLength"] is { } min && text.Length < min.GetValue<int>())
            {
                errors.Add($"{at}: shorter than {min}");
            }

            if (schema["pattern"] is { } pattern && !Regex.IsMatch(text, pattern.GetValue<string>()))
            {
                errors.Add($"{at}: '{text}' does not match {pattern}");
            }
        }

        if (value is JsonValue number && number.GetValueKind() == JsonValueKind.Number && schema["minimum"] is { } minimum && number.GetValue<double>() < minimum.GetValue<double>())
        {
            errors.Add($"{at}: below {minimum}");
        }

        if (value is JsonArray array)
        {
            if (schema["minItems"] is { } minItems && array.Count < minItems.GetValue<int>())
            {
                errors.Add($"{at}: fewer than {minItems} items");
            }

            if (schema["items"] is { } items)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Check(items, array[i], $"{at}[{i}]", errors);
                }
            }
        }

        if (value is JsonObject obj)
        {
            CheckObject(schema, obj, at, errors);
        }
    }

    private void CheckObject(JsonNode schema, JsonObject obj, string at, List<string> errors)
    {
        foreach (var required in schema["required"]?.AsArray() ?? [])
        {
            if (!obj.ContainsKey(required!.GetValue<string>()))
            {
                errors.Add($"{at}: missing {required}");
            }
        }

        if (schema["minProperties"] is { } min && obj.Count < min.GetValue<int>())
        {
            errors.Add($"{at}: fewer than {min} properties");
        }

        var properties = schema["properties"]?.AsObject();
        foreach (var (name, child) in obj)
        {
            if (schema["propertyNames"] is { } names)
            {
                Check(names, JsonValue.Create(name), $"{at}.{name} (name)", errors);
            }

            if (properties?[name] is { } property)
            {
                Check(property, child, $"{at}.{name}", errors);
            }
            else if (schema["additionalProperties"] is { } additional)
            {
                if (additional.GetValueKind() == JsonValueKind.False)
                {
                    errors.Add($"{at}: unexpected property {name}");
                }
                else if (additional.GetValueKind() == JsonValueKind.Object)
                {
                    Check(additional, child, $"{at}.{name}", errors);
                }
            }
        }
    }

    private static bool HasType(JsonNode? value, string type) => (type, value) switch
    {
        ("object", JsonObject) => true,
        ("array", JsonArray) => true,
        ("string", JsonValue v) => v.GetValueKind() == JsonValueKind.String,
        ("boolean", JsonValue v) => v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        ("integer", JsonValue v) => v.GetValueKind() == JsonValueKind.Number && v.GetValue<double>() % 1 == 0,
        ("number", JsonValue v) => v.GetValueKind() == JsonValueKind.Number,
        _ => false,
    };
}
