namespace Pipeline.Targets;

/// <summary>One thing wrong with an invocation, found before anything ran.</summary>
/// <param name="Message">What is wrong.</param>
internal sealed record InvocationProblem(string Message)
{
    /// <summary>The target whose check found it; null for the command line and parameter files.</summary>
    public string? Target { get; init; }

    /// <summary>What to do about it; null when the message says so itself.</summary>
    public string? Fix { get; init; }

    /// <summary>Parameter member names (or plain environment variables) involved.</summary>
    public IReadOnlyList<string> Parameters { get; init; } = [];

    public static implicit operator InvocationProblem(string message) => new(message);
}
