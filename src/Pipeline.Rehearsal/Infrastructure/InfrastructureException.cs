namespace Pipeline.Rehearsal.Infrastructure;

/// <summary>Local infrastructure (a Docker engine, a registry) is missing and could not be provided; the message says what to install.</summary>
public sealed class InfrastructureException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InfrastructureException(string message, Exception? innerException = null)
        : base(SecretRegistry.Shared.Redact(message), innerException)
    {
    }
}
