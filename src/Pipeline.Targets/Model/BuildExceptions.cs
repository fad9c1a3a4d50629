namespace Pipeline.Targets;

/// <summary>The root of the engine's exceptions: something the user must fix before the build can run.</summary>
public class BuildException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BuildException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>The build class itself is wrong: a cycle, a target that names something that is not a target, a duplicate parameter.</summary>
public sealed class BuildDefinitionException : BuildException
{
    /// <summary>Creates the exception.</summary>
    public BuildDefinitionException(string message) : base(message) { }
}

/// <summary>The invocation is wrong: an unknown target or option, a bad parameter value, a missing requirement. Exit code 2.</summary>
public sealed class BuildInvocationException : BuildException
{
    /// <summary>Creates the exception with one or more problems, each on its own line.</summary>
    public BuildInvocationException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    /// <summary>Creates the exception with one problem.</summary>
    public BuildInvocationException(string problem) : this([problem]) { }

    /// <summary>Each problem, in the order found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
