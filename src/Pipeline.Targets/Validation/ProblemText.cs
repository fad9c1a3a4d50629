using System.Text;

namespace Pipeline.Targets;

/// <summary>
/// The one message that lists every problem of an invocation: each with its target, the parameters involved (option,
/// environment variable, value and where it came from) and the fix.
/// </summary>
internal static class ProblemText
{
    public static string Render(string header, IReadOnlyList<InvocationProblem> problems, object? build, IReadOnlyList<ParameterSpec> parameters)
    {
        var text = new StringBuilder(header);
        for (var i = 0; i < problems.Count; i++)
        {
            var problem = problems[i];
            var number = $"  {i + 1}. ";
            var indent = new string(' ', number.Length);
            text.Append('\n').Append(number).Append(problem.Target is null ? "" : problem.Target + ": ").Append(problem.Message);
            foreach (var name in problem.Parameters)
            {
                text.Append('\n').Append(indent).Append(Describe(name, build, parameters));
            }

            if (problem.Fix is { } fix)
            {
                text.Append('\n').Append(indent).Append("fix: ").Append(fix);
            }
        }
        return text.ToString();
    }

    public static string Header(int count, string what) =>
        count == 1 ? $"This invocation has a problem; {what}:" : $"This invocation has {count} problems; {what}:";

    /// <summary><c>--image (env IMAGE): 'bad ref', from the command line</c>.</summary>
    private static string Describe(string name, object? build, IReadOnlyList<ParameterSpec> parameters)
    {
        var spec = parameters.FirstOrDefault(p => p.Name == name) ?? parameters.FirstOrDefault(p => Names.Normalize(p.Name) == Names.Normalize(name));
        if (spec is null)
        {
            var set = build is IPipelineBuild pipeline && pipeline.EnvironmentVariables.TryGetValue(name, out var value) && value.Length > 0;
            return $"environment variable {name}: {(set ? "set" : "not set")}";
        }
        var head = $"{spec.Option} (env {spec.EnvironmentVariable}): ";
        if (build is null)
        {
            return head + "see --help";
        }

        var current = ParameterValue.Of(build, spec);
        if (!current.IsSet)
        {
            return head + current.Text;
        }

        var origin = build is IPipelineBuild b ? b.SourceOf(spec.Name) : ParameterOrigins.Default;
        var shown = spec.IsSecret ? "set" : $"'{current.Text}'";
        return head + (origin == ParameterOrigins.Default ? $"{shown} (default)" : $"{shown}, from {Where(origin)}");
    }

    private static string Where(string origin) => origin == ParameterOrigins.CommandLine ? "the command line" : origin;

    /// <summary><c>set it with --image &lt;value&gt;, the environment variable IMAGE, or "Image" in .nuke/parameters.json</c>.</summary>
    public static string HowToSet(ParameterSpec spec) =>
        $"set it with {spec.Option} <value>, the environment variable {spec.EnvironmentVariable}, or \"{spec.Name}\" in .nuke/parameters.json";
}
