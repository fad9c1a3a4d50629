namespace Pipeline.Targets;

/// <summary>The root of the engine's exceptions: something the user must fix before the build can run.</summary>
public class BuildException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BuildException(string message, Exception? inner = null) : base(SecretRegistry.Shared.Redact(message), inner) { }
}

/// <summary>The build class itself is wrong: a cycle, a target that names something that is not a target, a duplicate parameter.</summary>
public sealed class BuildDefinitionException : BuildException
{
    /// <summary>Creates the exception.</summary>
    public BuildDefinitionException(string message) : base(message) { }
}
