namespace Pipeline.Promotion.Edits;

/// <summary>
/// Root of every error raised by a manifest edit. Subtypes carry the file, the selector and what was found;
/// the message says what to change. Nothing is written when one is thrown.
/// </summary>
public class ManifestEditException : Exception
{
    /// <summary>Creates the exception for <paramref name="file"/> and <paramref name="selector"/>.</summary>
    public ManifestEditException(string file, string selector, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        File = file;
        Selector = selector;
    }

    /// <summary>The manifest's path as the edit was given it.</summary>
    public string File { get; }

    /// <summary>The edit's selector (a values path, a container name, a marker...).</summary>
    public string Selector { get; }
}

/// <summary>The selector matched no location, or more than the edit expects.</summary>
public sealed class ManifestMatchException : ManifestEditException
{
    /// <summary>Creates the exception; <paramref name="found"/> lists what the file offers instead.</summary>
    public ManifestMatchException(string file, string selector, string expected, int matched, IReadOnlyList<string> found, string message)
        : base(file, selector, message)
    {
        Expected = expected;
        Matched = matched;
        Found = found;
    }

    /// <summary>How many matches the edit expects (<c>1</c>, <c>at least 1</c>, <c>3</c>).</summary>
    public string Expected { get; }

    /// <summary>How many locations matched.</summary>
    public int Matched { get; }

    /// <summary>What the file contains near the selector: existing keys, container names, image names, matched locations.</summary>
    public IReadOnlyList<string> Found { get; }
}

/// <summary>The value to write is missing or does not follow its grammar.</summary>
public sealed class ManifestValueException : ManifestEditException
{
    /// <summary>Creates the exception for <paramref name="field"/>.</summary>
    public ManifestValueException(string file, string selector, string field, string message, Exception? innerException = null)
        : base(file, selector, message, innerException)
    {
        Field = field;
    }

    /// <summary>The part of the image that was to be written (<c>tag</c>, <c>digest</c>, <c>repository</c>, <c>reference</c>).</summary>
    public string Field { get; }
}

/// <summary>The manifest is not valid YAML, so it cannot be edited safely.</summary>
public sealed class ManifestSyntaxException : ManifestEditException
{
    /// <summary>Creates the exception at <paramref name="line"/> and <paramref name="column"/> (1-based).</summary>
    public ManifestSyntaxException(string file, int line, int column, string reason, Exception? innerException = null)
        : base(file, "", $"{file}:{line}:{column}: not valid YAML ({reason}); fix the file before promoting into it.", innerException)
    {
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The 1-based line of the syntax error.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the syntax error.</summary>
    public int Column { get; }

    /// <summary>The parser's description of the problem.</summary>
    public string Reason { get; }
}
