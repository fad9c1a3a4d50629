namespace Pipeline.Promotion.Edits;

/// <summary>The located value cannot be edited in place (a block scalar, an alias, a mapping where a value was expected...).</summary>
public sealed class ManifestLocationException : ManifestEditException
{
    /// <summary>Creates the exception for the node at <paramref name="line"/> and <paramref name="column"/>.</summary>
    public ManifestLocationException(string file, string selector, int line, int column, string message)
        : base(file, selector, message)
    {
        Line = line;
        Column = column;
    }

    /// <summary>The 1-based line of the offending node.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the offending node.</summary>
    public int Column { get; }
}

/// <summary>
/// The edit would reach a value through an alias (<c>*name</c>), or would change a value that aliases share
/// while <see cref="ManifestEdit.EditSharedAnchors"/> is off.
/// </summary>
public sealed class ManifestAnchorException : ManifestEditException
{
    /// <summary>Creates the exception for anchor <paramref name="anchor"/>.</summary>
    public ManifestAnchorException(string file, string selector, string anchor, int anchorLine, IReadOnlyList<int> aliasLines, string message)
        : base(file, selector, message)
    {
        Anchor = anchor;
        AnchorLine = anchorLine;
        AliasLines = aliasLines;
    }

    /// <summary>The anchor's name, without <c>&amp;</c>.</summary>
    public string Anchor { get; }

    /// <summary>The 1-based line where the anchor is defined.</summary>
    public int AnchorLine { get; }

    /// <summary>The 1-based lines of the aliases involved.</summary>
    public IReadOnlyList<int> AliasLines { get; }
}

/// <summary>An edit's configuration is invalid (a malformed values path, a regex without named groups...).</summary>
public sealed class ManifestEditConfigException : ManifestEditException
{
    /// <summary>Creates the exception for <paramref name="setting"/>.</summary>
    public ManifestEditConfigException(string selector, string setting, string message, Exception? innerException = null)
        : base("", selector, message, innerException)
    {
        Setting = setting;
    }

    /// <summary>The configuration property at fault.</summary>
    public string Setting { get; }
}

/// <summary>
/// After splicing, the file re-parsed to something other than the intended change; nothing is written.
/// This guards against a defect in an edit, or a construct it does not understand.
/// </summary>
public sealed class ManifestVerificationException : ManifestEditException
{
    /// <summary>Creates the exception for the first difference found at <paramref name="location"/>.</summary>
    public ManifestVerificationException(string file, string selector, string location, string difference, Exception? innerException = null)
        : base(file, selector,
            $"{file}: refusing to write: after editing {selector} the file differs from the intended change at {location} "
            + $"({difference}). The file is left as it was; please report it with the file attached.",
            innerException)
    {
        Location = location;
        Difference = difference;
    }

    /// <summary>Where the re-parsed file differs (a document and path, or a line).</summary>
    public string Location { get; }

    /// <summary>What differs.</summary>
    public string Difference { get; }
}
