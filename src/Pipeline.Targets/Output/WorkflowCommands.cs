namespace Pipeline.Targets;

/// <summary>
/// GitHub Actions workflow-command escaping and the multi-line-safe <c>$GITHUB_OUTPUT</c> format.
/// See https://docs.github.com/actions/reference/workflow-commands-for-github-actions.
/// </summary>
internal static class WorkflowCommands
{
    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal)
             .Replace("\r", "%0D", StringComparison.Ordinal)
             .Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary><c>name&lt;&lt;DELIMITER</c>, the value, <c>DELIMITER</c>; the delimiter is random and never inside the value.</summary>
    public static string FormatOutput(string name, string value)
    {
        string delimiter;
        do
        {
            delimiter = "ghadelimiter_" + Guid.NewGuid().ToString("N");
        }
        while (value.Contains(delimiter, StringComparison.Ordinal));
        return $"{name}<<{delimiter}\n{value}\n{delimiter}\n";
    }
}
