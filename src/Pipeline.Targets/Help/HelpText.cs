using System.Text;

namespace Pipeline.Targets;

/// <summary>The text of <c>--help</c>: targets with descriptions and dependencies, parameters, built-in options.</summary>
internal static class HelpText
{
    public static string Render(object build, BuildModel model, IReadOnlyList<string> defaultTargets, string command = "./build.sh")
    {
        var text = new StringBuilder();
        text.AppendLine($"Usage: {command} [targets] [--parameter value ...] [options]");
        text.AppendLine();
        text.AppendLine("Targets (→ direct dependencies; * default):");
        var listed = model.Targets.Where(t => !t.Definition.IsUnlisted).ToList();
        var width = listed.Count == 0 ? 0 : listed.Max(t => t.Name.Length) + 2;
        foreach (var target in listed)
        {
            var marker = defaultTargets.Contains(target.Name, StringComparer.OrdinalIgnoreCase) ? "*" : " ";
            text.Append($"  {marker}{target.Name.PadRight(width)}{target.Description}");
            if (target.AllDependencies.Count > 0)
            {
                text.Append($"{(target.Description is null ? "" : " ")}→ {string.Join(", ", target.AllDependencies.Select(d => d.Name))}");
            }

            text.AppendLine();
        }

        text.AppendLine();
        text.AppendLine("Parameters (command line, environment variable, .nuke/parameters.<profile>.json, .nuke/parameters.json; first wins):");
        var optionWidth = model.Parameters.Count == 0 ? 0 : model.Parameters.Max(p => p.Option.Length) + 2;
        foreach (var parameter in model.Parameters)
        {
            text.AppendLine($"  {parameter.Option.PadRight(optionWidth)}{parameter.Description}");
            text.AppendLine($"  {"".PadRight(optionWidth)}{parameter.Kind.Describe()} · env {parameter.EnvironmentVariable} · {CurrentValue(build, parameter)}");
        }

        text.AppendLine();
        text.AppendLine("Options:");
        var builtInWidth = BuiltInOptions.All.Max(o => o.Option.Length) + 2;
        foreach (var (option, help) in BuiltInOptions.All)
        {
            text.AppendLine($"  {option.PadRight(builtInWidth)}{help}");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary><c>value: web (command line)</c>, <c>secret, set (environment variable TOKEN)</c>, <c>not set</c>.</summary>
    private static string CurrentValue(object build, ParameterSpec parameter)
    {
        var value = ParameterValue.Of(build, parameter);
        var origin = build is IPipelineBuild pipeline ? pipeline.SourceOf(parameter.Name) : ParameterOrigins.Default;
        return !value.IsSet ? value.Text
            : parameter.IsSecret ? $"{value.Text} ({origin})"
            : value.Text.StartsWith("value unavailable", StringComparison.Ordinal) ? value.Text
            : $"value: {value.Text} ({origin})";
    }
}
