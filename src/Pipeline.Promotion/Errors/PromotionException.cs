namespace Pipeline.Promotion;

/// <summary>
/// The root of every promotion error outside the edits themselves (those raise
/// <see cref="Edits.ManifestEditException"/>). Messages say what to change; they never contain a credential.
/// </summary>
public class PromotionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PromotionException(string message, Exception? innerException = null)
        : base(SecretRegistry.Shared.Redact(message), innerException)
    {
    }
}

/// <summary><c>promotion.yaml</c> is not valid: the message starts with <c>file:line:column</c>.</summary>
public sealed class PromotionSpecException : PromotionException
{
    /// <summary>Creates the exception for a position in the spec (0 when not known).</summary>
    public PromotionSpecException(string file, int line, int column, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The spec's source.</summary>
    public string File { get; }

    /// <summary>The 1-based line, or 0.</summary>
    public int Line { get; }

    /// <summary>The 1-based column, or 0.</summary>
    public int Column { get; }
}
