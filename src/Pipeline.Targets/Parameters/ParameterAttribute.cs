namespace Pipeline.Targets;

/// <summary>
/// Marks a field or property of the build class, or a default property of a component interface, as a parameter.
/// Its value comes from the command line (<c>--image-name x</c>), an environment variable (<c>IMAGE_NAME</c>),
/// <c>.nuke/parameters.&lt;profile&gt;.json</c> or <c>.nuke/parameters.json</c>, first wins.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="description">What the parameter is for, shown by <c>--help</c> and in the schema.</param>
    public ParameterAttribute(string? description = null) => Description = description;

    /// <summary>What the parameter is for.</summary>
    public string? Description { get; }

    /// <summary>Separator for list values given as one string (environment variables, single command-line values).</summary>
    public char Separator { get; init; } = ',';
}

/// <summary>
/// Marks a parameter as secret: its value never appears in output (masked on GitHub Actions with
/// <c>::add-mask::</c> before anything else is printed, replaced by <c>***</c> in logs, hidden in <c>--help</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
