using Pipeline.Containers;
using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.Fuzz;

/// <summary>One edit kind under fuzzing: documents for it, the edit, and the judge of a successful result.</summary>
public interface IFuzzTarget
{
    string Name { get; }

    IManifestEdit Edit { get; }

    /// <summary>A document with the edit's target somewhere in it (or, now and then, not at all).</summary>
    string Generate(Tape tape);

    /// <summary>
    /// Null when <paramref name="after"/> differs from <paramref name="before"/> in exactly the values the edit
    /// targets, each now holding what <paramref name="image"/> says; else what is wrong.
    /// </summary>
    string? Judge(string text, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, string edited, ImageReference image);
}
