namespace Pipeline.Targets;

/// <summary>The short names of where a parameter's value came from, as <c>--help</c>, <c>--plan</c> and errors show them.</summary>
internal static class ParameterOrigins
{
    public const string CommandLine = "command line";

    /// <summary>No source set it: the value, if any, is the one its declaration gives.</summary>
    public const string Default = "default";

    public static string Environment(string variable) => $"environment variable {variable}";
}
