namespace Pipeline.Targets;

/// <summary>An option as written on the command line, with the tokens that followed it.</summary>
internal sealed record RawOption(string Token, string Name, List<string> Values, bool HasInlineValue);

/// <summary>The command line split into leading positional tokens and options; meaning comes later, from the build model.</summary>
internal sealed record RawArguments(IReadOnlyList<string> Positional, IReadOnlyList<RawOption> Options)
{
    /// <summary>
    /// Splits <c>Pack --image x --skip Test Compile --dry-run</c>: tokens before the first option are targets;
    /// an option takes the tokens after it up to the next <c>--option</c>; <c>--name=value</c> takes one value.
    /// </summary>
    public static RawArguments Parse(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        var options = new List<RawOption>();
        RawOption? current = null;
        foreach (var arg in args)
        {
            if (IsOption(arg))
            {
                var body = arg == "-h" || arg == "-?" ? "help" : arg.TrimStart('-');
                var equals = body.IndexOf('=', StringComparison.Ordinal);
                current = equals > 0
                    ? new RawOption(arg, body[..equals], [body[(equals + 1)..]], true)
                    : new RawOption(arg, body, [], false);
                options.Add(current);
            }
            else if (current is null)
            {
                positional.Add(arg);
            }
            else
            {
                current.Values.Add(arg);
            }
        }
        return new RawArguments(positional, options);
    }

    /// <summary><c>--</c> and a letter: <c>-----BEGIN RSA PRIVATE KEY-----</c> or <c>--1</c> are values.</summary>
    private static bool IsOption(string arg) =>
        (arg.Length > 2 && arg.StartsWith("--", StringComparison.Ordinal) && char.IsAsciiLetter(arg[2])) || arg == "-h" || arg == "-?";
}
