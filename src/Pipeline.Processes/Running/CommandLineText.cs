namespace Pipeline.Processes;

/// <summary>Writes a program and its arguments as they would be typed in a POSIX shell.</summary>
public static class CommandLineText
{
    /// <summary><paramref name="program"/> and <paramref name="arguments"/>, each quoted when the shell would need it.</summary>
    public static string Join(string program, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { program }.Concat(arguments).Select(Quote));

    /// <summary>The argument as is when it is plain, else in single quotes.</summary>
    public static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,@+%".Contains(c, StringComparison.Ordinal))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
