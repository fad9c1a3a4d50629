using System.Text.Json;

namespace Pipeline.Targets;

/// <summary>A parameter's bound value and where it came from.</summary>
/// <param name="Value">The converted value.</param>
/// <param name="Source">The source as error messages name it: <c>the command line (--image)</c>.</param>
/// <param name="Origin">The source in short, for <c>--help</c>, <c>--plan</c> and settings: <c>command line</c>, <c>.nuke/parameters.json</c>.</param>
internal sealed record BoundValue(object? Value, string Source, string Origin);

/// <summary>The result of binding: values by parameter, problems found, and every secret value (to mask).</summary>
internal sealed class Binding
{
    public Dictionary<ParameterSpec, BoundValue> Values { get; } = [];
    public List<string> Problems { get; } = [];
    public List<string> SecretValues { get; } = [];

    /// <summary><c>Skip</c> from a parameters file, used when the command line has no <c>--skip</c>.</summary>
    public List<string>? FileSkip { get; set; }
}

/// <summary>
/// Binds parameters from their sources, first wins: command line, environment variable,
/// <c>.nuke/parameters.&lt;profile&gt;.json</c> for each profile (later profile wins), <c>.nuke/parameters.json</c>.
/// </summary>
internal static class ParameterBinder
{
    public static Binding Bind(
        IReadOnlyList<ParameterSpec> parameters,
        Invocation invocation,
        IReadOnlyDictionary<string, string> environment,
        AbsolutePath root)
    {
        var binding = new Binding();
        foreach (var (spec, option) in invocation.Parameters)
        {
            Set(binding, spec, option.Values, splitValues: option.Values.Count == 1, $"the command line ({option.Token.Split('=')[0]})", ParameterOrigins.CommandLine, root);
        }

        foreach (var spec in parameters.Where(p => !binding.Values.ContainsKey(p)))
        {
            if (environment.TryGetValue(spec.EnvironmentVariable, out var text) && text.Length > 0)
            {
                Set(binding, spec, [text], splitValues: true, $"environment variable {spec.EnvironmentVariable}", ParameterOrigins.Environment(spec.EnvironmentVariable), root);
            }
        }

        var files = invocation.Profiles.AsEnumerable().Reverse()
            .Select(profile => (Path: root / ".nuke" / $"parameters.{profile}.json", Profile: (string?)profile))
            .Append((Path: root / ".nuke" / "parameters.json", Profile: null));
        foreach (var (path, profile) in files)
        {
            BindFile(binding, parameters, path, profile, root);
        }

        return binding;
    }

    private static void BindFile(Binding binding, IReadOnlyList<ParameterSpec> parameters, AbsolutePath path, string? profile, AbsolutePath root)
    {
        var relative = path.RelativeTo(root);
        if (!path.FileExists())
        {
            if (profile != null)
            {
                binding.Problems.Add($"Profile '{profile}' has no file {relative}; create it, or leave out --profile {profile}.");
            }

            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            binding.Problems.Add($"{relative} is not valid JSON (line {exception.LineNumber + 1}): {exception.Message.Split(" Path:")[0]}");
            return;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                binding.Problems.Add($"{relative} must hold a JSON object of parameter names and values.");
                return;
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name.StartsWith('$'))
                {
                    continue;
                }

                if (Names.Normalize(property.Name) == "skip")
                {
                    binding.FileSkip ??= RawValues(property.Value);
                    continue;
                }
                var spec = parameters.FirstOrDefault(p => Names.Normalize(p.Name) == Names.Normalize(property.Name));
                if (spec is null)
                {
                    var nearest = Suggestions.Nearest(property.Name, parameters.Select(p => p.Name));
                    binding.Problems.Add($"{relative} sets unknown parameter '{property.Name}'." + (nearest is null ? " Run with --help to see the parameters." : $" Did you mean '{nearest}'?"));
                    continue;
                }
                if (binding.Values.ContainsKey(spec) || property.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                var splitValues = property.Value.ValueKind != JsonValueKind.Array;
                Set(binding, spec, RawValues(property.Value), splitValues, $"{relative} (key \"{property.Name}\")", relative, root);
            }
        }
    }

    private static List<string> RawValues(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().Select(Text).ToList(),
        _ => [Text(element)],
    };

    private static string Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => element.GetRawText(),
    };

    private static void Set(Binding binding, ParameterSpec spec, List<string> raw, bool splitValues, string source, string origin, AbsolutePath root)
    {
        if (spec.IsSecret)
        {
            binding.SecretValues.AddRange(raw.Where(v => v.Length > 0));
        }

        var result = ValueConverter.Convert(spec, raw, splitValues, root);
        if (!result.Success)
        {
            var shown = spec.IsSecret ? "***" : result.RawValue;
            binding.Problems.Add($"Invalid value for parameter {spec.Name} from {source}: '{shown}' — {result.Expected}.");
            return;
        }
        binding.Values[spec] = new BoundValue(result.Value, source, origin);
    }
}
