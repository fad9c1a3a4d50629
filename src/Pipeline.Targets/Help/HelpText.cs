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
                text.Append($"{(target.Description is null ? "" : " ")}→ {string.Join(", ", target.AllDependencies.Select(d => d.Name))}");
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
            text.AppendLine($"  {option.PadRight(builtInWidth)}{help}");
        return text.ToString().TrimEnd();
    }

    private static string CurrentValue(object build, ParameterSpec parameter)
    {
        object? value;
        try
        {
            value = parameter.GetCurrentValue(build);
        }
        catch (Exception exception)
        {
            var cause = exception is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : exception;
            return $"value unavailable: {cause.Message}";
        }
        if (parameter.IsSecret)
            return value is null or "" ? "secret, not set" : "secret, set";
        return value switch
        {
            null => "not set",
            string s => $"value: {s}",
            System.Collections.IEnumerable items => "value: " + string.Join(",", items.Cast<object>()),
            bool b => $"value: {(b ? "true" : "false")}",
            _ => $"value: {value}",
        };
    }
}
