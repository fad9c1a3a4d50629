namespace Pipeline.Promotion.Edits;

/// <summary>The parts of a pinned image an edit writes.</summary>
[Flags]
public enum ImageParts
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>The repository with its registry (<c>ghcr.io/org/app</c>).</summary>
    Repository = 1,

    /// <summary>The tag (<c>1.4.2</c>).</summary>
    Tag = 2,

    /// <summary>The digest (<c>sha256:...</c>).</summary>
    Digest = 4,
}
