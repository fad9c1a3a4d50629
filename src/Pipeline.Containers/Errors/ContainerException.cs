namespace Pipeline.Containers;

/// <summary>
/// Root of every error raised by Pipeline.Containers. Subtypes carry the data of the failure
/// (the reference, the HTTP status, the command line, the engine's message) and the message names the fix.
/// </summary>
public class ContainerException : Exception
{
    /// <summary>Creates the exception with a message that says what went wrong and what to do.</summary>
    public ContainerException(string message)
        : base(SecretRegistry.Shared.Redact(message))
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public ContainerException(string message, Exception? innerException)
        : base(SecretRegistry.Shared.Redact(message), innerException)
    {
    }
}

/// <summary>An image reference, tag, digest or platform that does not follow the grammar.</summary>
public sealed class InvalidImageReferenceException : ContainerException
{
    /// <summary>Creates the exception for <paramref name="input"/> with the reason it was rejected.</summary>
    public InvalidImageReferenceException(string input, string reason)
        : base($"Invalid image reference '{input}': {reason}")
    {
        Input = input;
        Reason = reason;
    }

    /// <summary>The text that was rejected.</summary>
    public string Input { get; }

    /// <summary>What is wrong with it, in one sentence.</summary>
    public string Reason { get; }
}
