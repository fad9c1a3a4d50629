using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pipeline.Targets;

/// <summary>
/// <c>.nuke/build.schema.json</c>: a JSON Schema for the parameters files, with every parameter and the
/// target names (for <c>Skip</c>). Rewritten by local builds only when the build's parameters or targets change:
/// both are sorted by name, so declaring them in another order, or a new version of a package that declares them,
/// leaves the file alone; and a file that says the same in other whitespace or line endings is not rewritten. A
/// consumer's committed schema thus stays as committed.
/// </summary>
internal static class BuildSchema
{
    public static string Generate(BuildModel model)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            json.WriteString("title", "Build parameters");
            json.WriteString("type", "object");
            json.WriteStartObject("$defs");
            json.WriteStartObject("Target");
            json.WriteString("type", "string");
            WriteStrings(json, "enum", model.Targets.Select(t => t.Name).Order(StringComparer.Ordinal));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteStartObject("$schema");
            json.WriteString("type", "string");
            json.WriteEndObject();
            json.WriteStartObject("Skip");
            json.WriteString("description", "Targets to skip.");
            json.WriteString("type", "array");
            json.WriteStartObject("items");
            json.WriteString("$ref", "#/$defs/Target");
            json.WriteEndObject();
            json.WriteEndObject();
            foreach (var parameter in model.Parameters.OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                WriteParameter(json, parameter);
            }

            json.WriteEndObject();
            json.WriteBoolean("additionalProperties", false);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    public static void WriteIfChanged(AbsolutePath root, BuildModel model)
    {
        var directory = root / ".nuke";
        if (!directory.DirectoryExists())
        {
            return;
        }

        var path = directory / "build.schema.json";
        var schema = Generate(model);
        if (AtomicFile.TryReadAllText(path) is { } existing && SaysTheSame(existing, schema))
        {
            return;
        }

        AtomicFile.WriteAllText(path, schema);
    }

    /// <summary>The same JSON, whatever the whitespace and line endings.</summary>
    internal static bool SaysTheSame(string existing, string generated)
    {
        try
        {
            using var a = JsonDocument.Parse(existing);
            using var b = JsonDocument.Parse(generated);
            return JsonElement.DeepEquals(a.RootElement, b.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void WriteParameter(Utf8JsonWriter json, ParameterSpec parameter)
    {
        json.WriteStartObject(parameter.Name);
        if (parameter.Description != null)
        {
            json.WriteString("description", parameter.Description);
        }

        if (parameter.Kind.IsList)
        {
            json.WriteStartArray("type");
            json.WriteStringValue("array");
            json.WriteStringValue("string");
            json.WriteEndArray();
            json.WriteStartObject("items");
            WriteScalar(json, parameter.Kind.ElementType);
            json.WriteEndObject();
        }
        else
        {
            WriteScalar(json, parameter.Kind.ElementType);
        }

        json.WriteEndObject();
    }

    private static void WriteScalar(Utf8JsonWriter json, Type type)
    {
        if (type == typeof(bool))
        {
            json.WriteString("type", "boolean");
        }
        else if (type == typeof(int) || type == typeof(long))
        {
            json.WriteString("type", "integer");
        }
        else if (type == typeof(double))
        {
            json.WriteString("type", "number");
        }
        else
        {
            json.WriteString("type", "string");
            if (type.IsEnum)
            {
                WriteStrings(json, "enum", Enum.GetNames(type));
            }
            else if (type == typeof(Uri))
            {
                json.WriteString("format", "uri");
            }
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
