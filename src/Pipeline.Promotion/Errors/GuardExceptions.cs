namespace Pipeline.Promotion;

/// <summary>The source branch moved on since the image was built; nothing was written.</summary>
public sealed class SourceMovedException : PromotionException
{
    /// <summary>Creates the exception.</summary>
    public SourceMovedException(string branch, string builtCommit, string currentHead, string message)
        : base(message)
    {
        Branch = branch;
        BuiltCommit = builtCommit;
        CurrentHead = currentHead;
    }

    /// <summary>The source branch.</summary>
    public string Branch { get; }

    /// <summary>The commit the image was built from.</summary>
    public string BuiltCommit { get; }

    /// <summary>Where the branch is now.</summary>
    public string CurrentHead { get; }
}

/// <summary>The environment pins an image built from a newer source commit; nothing was written.</summary>
public sealed class NewerPinException : PromotionException
{
    /// <summary>Creates the exception.</summary>
    public NewerPinException(string app, string environment, string pinnedCommit, string? pinnedImage, string promotedCommit, string message)
        : base(message)
    {
        App = app;
        Environment = environment;
        PinnedCommit = pinnedCommit;
        PinnedImage = pinnedImage;
        PromotedCommit = promotedCommit;
    }

    /// <summary>The app.</summary>
    public string App { get; }

    /// <summary>The environment.</summary>
    public string Environment { get; }

    /// <summary>The source commit of the pin in place.</summary>
    public string PinnedCommit { get; }

    /// <summary>The image in place, as its promotion recorded it.</summary>
    public string? PinnedImage { get; }

    /// <summary>The source commit of the image being promoted.</summary>
    public string PromotedCommit { get; }
}

/// <summary>The request, the spec and the target do not fit together (an unknown app, a missing file, a method the target cannot use...).</summary>
public sealed class PromotionRequestException : PromotionException
{
    /// <summary>Creates the exception.</summary>
    public PromotionRequestException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The source history at hand cannot answer a guard's question (a shallow clone without the commits, a repository
/// the credential may not read, no history given at all). The guard refuses rather than guess; nothing was written.
/// </summary>
public sealed class SourceHistoryUnavailableException : PromotionException
{
    /// <summary>Creates the exception.</summary>
    public SourceHistoryUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
