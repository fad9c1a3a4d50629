using System.Globalization;
using System.Text.Json;

namespace Pipeline.Rehearsal.Tests.GitHub.Contract;

/// <summary>
/// A compact JSON-schema validator for the subset GitHub's OpenAPI 3.0 description uses: <c>$ref</c>, <c>type</c>,
/// <c>nullable</c>, <c>enum</c>, <c>properties</c>, <c>required</c>, <c>additionalProperties</c>, <c>items</c>,
/// <c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>, string and array lengths, <c>maxProperties</c>, and the
/// <c>date-time</c> and <c>uri</c> formats. <c>oneOf</c> is checked as "at least one": the description has
/// overlapping branches (an object matches both <c>simple-user</c> and <c>empty-object</c>).
/// </summary>
public sealed class SchemaValidator(OpenApiDescription description)
{
    public IReadOnlyList<string> Validate(JsonElement schema, JsonElement instance, string path = "$")
    {
        var errors = new List<string>();
        Check(schema, instance, path, errors, depth: 0);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors, int depth)
    {
        if (depth > 64)
        {
            return;
        }

        schema = description.Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!Bool(schema, "nullable") && !AllowsNull(schema))
            {
                errors.Add($"{path}: null is not allowed");
            }

            return;
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Check(part, value, path, errors, depth + 1);
            }
        }

        foreach (var keyword in new[] { "anyOf", "oneOf" })
        {
            if (schema.TryGetProperty(keyword, out var choices))
            {
                var attempts = choices.EnumerateArray().Select(c => Attempt(c, value, path, depth)).ToList();
                if (attempts.All(a => a.Count > 0))
                {
                    errors.Add($"{path}: matches no {keyword} branch ({string.Join(" | ", attempts.Select(a => a[0]))})");
                }
            }
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type.GetString()!, value))
        {
            errors.Add($"{path}: expected {type.GetString()}, got {value.ValueKind}");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            errors.Add($"{path}: {value.GetRawText()} is not one of {allowed.GetRawText()}");
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                CheckString(schema, value.GetString()!, path, errors);
                break;
            case JsonValueKind.Array:
                CheckArray(schema, value, path, errors, depth);
                break;
            case JsonValueKind.Object:
                CheckObject(schema, value, path, errors, depth);
                break;
        }
    }

    private List<string> Attempt(JsonElement schema, JsonElement value, string path, int depth)
    {
        var errors = new List<string>();
        Check(schema, value, path, errors, depth + 1);
        return errors;
    }

    private void CheckObject(JsonElement schema, JsonElement value, string path, List<string> errors, int depth)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add($"{path}: missing required property '{name}'");
                }
            }
        }

        if (schema.TryGetProperty("maxProperties", out var max) && value.EnumerateObject().Count() > max.GetInt32())
        {
            errors.Add($"{path}: more than {max.GetInt32()} properties");
        }

        schema.TryGetProperty("properties", out var properties);
        schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in value.EnumerateObject())
        {
            var childPath = path + "." + property.Name;
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(propertySchema, property.Value, childPath, errors, depth + 1);
            }
            else if (additional.ValueKind == JsonValueKind.False)
            {
                errors.Add($"{childPath}: property not allowed");
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Check(additional, property.Value, childPath, errors, depth + 1);
            }
        }
    }

    private void CheckArray(JsonElement schema, JsonElement value, string path, List<string> errors, int depth)
    {
        var count = value.GetArrayLength();
        if (schema.TryGetProperty("minItems", out var min) && count < min.GetInt32())
        {
            errors.Add($"{path}: fewer than {min.GetInt32()} items");
        }

        if (schema.TryGetProperty("maxItems", out var max) && count > max.GetInt32())
        {
            errors.Add($"{path}: more than {max.GetInt32()} items");
        }

        if (schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, $"{path}[{index++}]", errors, depth + 1);
            }
        }
    }

    private static void CheckString(JsonElement schema, string text, string path, List<string> errors)
    {
        if (schema.TryGetProperty("minLength", out var min) && text.Length < min.GetInt32())
        {
            errors.Add($"{path}: shorter than {min.GetInt32()}");
        }

        if (schema.TryGetProperty("maxLength", out var max) && text.Length > max.GetInt32())
        {
            errors.Add($"{path}: longer than {max.GetInt32()}");
        }

        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (format == "date-time" && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add($"{path}: '{text}' is not a date-time");
        }

        if (format == "uri" && !Uri.TryCreate(text, UriKind.Absolute, out _))
        {
            errors.Add($"{path}: '{text}' is not an absolute URI");
        }
    }

    private static bool TypeMatches(string type, JsonElement value) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        _ => true,
    };

    /// <summary>A schema whose <c>anyOf</c>/<c>oneOf</c> has a nullable branch accepts null.</summary>
    private bool AllowsNull(JsonElement schema) =>
        new[] { "anyOf", "oneOf" }.Any(k => schema.TryGetProperty(k, out var choices)
            && choices.EnumerateArray().Any(c => Bool(description.Resolve(c), "nullable")));

    private static bool Bool(JsonElement schema, string name) =>
        schema.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
