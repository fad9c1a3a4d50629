namespace Pipeline.Containers;

/// <summary>A build was asked for with input that cannot work: no context folder, no Dockerfile, no platform.</summary>
public sealed class BuildInputException : ContainerException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="parameter">The parameter at fault, e.g. <c>--context</c>.</param>
    /// <param name="value">The value given.</param>
    /// <param name="problem">What is wrong and what to do.</param>
    public BuildInputException(string parameter, string? value, string problem)
        : base($"{parameter} '{value}': {problem}")
    {
        Parameter = parameter;
        Value = value;
    }

    /// <summary>The parameter at fault, e.g. <c>--dockerfile</c>.</summary>
    public string Parameter { get; }

    /// <summary>The value given.</summary>
    public string? Value { get; }
}
