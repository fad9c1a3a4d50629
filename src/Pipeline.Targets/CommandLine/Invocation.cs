namespace Pipeline.Targets;

/// <summary>The command line resolved against the build model: what to run, how, and raw parameter values.</summary>
internal sealed class Invocation
{
    public List<string> Targets { get; } = [];
    public bool Help { get; private set; }
    public bool Plan { get; private set; }
    public bool Continue { get; private set; }

    /// <summary>Null: no <c>--skip</c>. Empty: skip every target that was not invoked. Otherwise the names to skip.</summary>
    public List<string>? Skip { get; private set; }

    public string? Root { get; private set; }
    public Verbosity? Verbosity { get; private set; }
    public List<string> Profiles { get; } = [];
    public Dictionary<ParameterSpec, RawOption> Parameters { get; } = [];

    /// <summary>The arguments that identify an invocation for <c>--continue</c> (everything but <c>--continue</c> itself).</summary>
    public List<string> Fingerprint { get; } = [];

    public static Invocation Resolve(IReadOnlyList<string> args, IReadOnlyList<ParameterSpec> parameters, List<string> problems)
    {
        var raw = RawArguments.Parse(args);
        var invocation = new Invocation();
        invocation.Targets.AddRange(raw.Positional);
        invocation.Fingerprint.AddRange(raw.Positional);
        foreach (var option in raw.Options)
        {
            var name = Names.Normalize(option.Name);
            if (name != "continue")
            {
                invocation.Fingerprint.AddRange([option.Token, .. option.Values]);
            }

            switch (name)
            {
                case "target":
                    invocation.Targets.AddRange(option.Values);
                    break;
                case "skip":
                    (invocation.Skip ??= []).AddRange(option.Values);
                    break;
                case "profile":
                    invocation.Profiles.AddRange(option.Values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries)));
                    break;
                case "help":
                    invocation.Help = true;
                    invocation.TakeFlagValue(option);
                    break;
                case "plan":
                    invocation.Plan = true;
                    invocation.TakeFlagValue(option);
                    break;
                case "continue":
                    invocation.Continue = true;
                    invocation.TakeFlagValue(option);
                    break;
                case "root":
                    invocation.Root = invocation.TakeSingle(option, problems);
                    break;
                case "verbosity":
                    var text = invocation.TakeSingle(option, problems);
                    if (text is null)
                    {
                        break;
                    }

                    var match = Enum.GetNames<Verbosity>().FirstOrDefault(n => Names.Normalize(n) == Names.Normalize(text));
                    if (match is null)
                    {
                        problems.Add($"Invalid value '{text}' for --verbosity: expected one of {string.Join(", ", Enum.GetNames<Verbosity>())}.");
                    }
                    else
                    {
                        invocation.Verbosity = Enum.Parse<Verbosity>(match);
                    }

                    break;
                default:
                    invocation.ResolveParameter(option, parameters, problems);
                    break;
            }
        }
        return invocation;
    }

    private void ResolveParameter(RawOption option, IReadOnlyList<ParameterSpec> parameters, List<string> problems)
    {
        var name = Names.Normalize(option.Name);
        var spec = parameters.FirstOrDefault(p => Names.Normalize(p.Name) == name);
        if (spec is null)
        {
            var known = BuiltInOptions.All.Select(o => o.Option).Concat(parameters.Select(p => p.Option)).ToList();
            var nearest = Suggestions.Nearest(option.Name, known);
            var shown = Shorten(option.Token);
            problems.Add(nearest is null
                ? $"Unknown option '{shown}'. Run with --help to see the parameters."
                : $"Unknown option '{shown}'. Did you mean '{nearest}'?");
            return;
        }
        if (Parameters.ContainsKey(spec))
        {
            problems.Add($"Parameter {spec.Option} is given more than once on the command line; give it once (lists take several values: {spec.Option} a b).");
            return;
        }
        if (!spec.Kind.IsList && !option.HasInlineValue)
        {
            // A scalar takes one value (a flag takes none unless it reads as a bool); the rest are targets.
            var keep = spec.Kind.IsBool
                ? (option.Values.Count > 0 && IsBoolText(option.Values[0]) ? 1 : 0)
                : Math.Min(1, option.Values.Count);
            Targets.AddRange(option.Values.Skip(keep));
            option.Values.RemoveRange(keep, option.Values.Count - keep);
        }
        Parameters[spec] = option;
    }

    /// <summary>An option as it may be echoed: never a long or multi-line token, which could be a pasted secret.</summary>
    private static string Shorten(string token)
    {
        var line = token.Split('\n')[0].TrimEnd('\r');
        var name = line.Split('=')[0];
        return name.Length > 40 ? name[..40] + "…" : name != token ? name + "…" : name;
    }

    private void TakeFlagValue(RawOption option)
    {
        if (!option.HasInlineValue)
        {
            Targets.AddRange(option.Values);
        }
    }

    private string? TakeSingle(RawOption option, List<string> problems)
    {
        if (option.Values.Count == 0)
        {
            problems.Add($"Option {option.Token} needs a value.");
            return null;
        }
        if (!option.HasInlineValue)
        {
            Targets.AddRange(option.Values.Skip(1));
        }

        return option.Values[0];
    }

    private static bool IsBoolText(string text) =>
        text.ToLowerInvariant() is "true" or "false" or "1" or "0" or "yes" or "no" or "on" or "off";
}
