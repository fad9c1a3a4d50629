using System.Text.RegularExpressions;
using Pipeline.Containers;

namespace Pipeline.Promotion.Edits;

/// <summary>
/// Replaces the named groups of a regular expression in the text: <c>tag</c>, <c>digest</c>, <c>repository</c>
/// and <c>image</c> (the reference), e.g. <c>imageTag: "(?&lt;tag&gt;[^"]*)"</c>. Only the groups' characters
/// change. The pattern runs with <see cref="RegexOptions.Multiline"/> (<c>^</c>/<c>$</c> match at lines; with
/// CRLF files <c>$</c> sits after the <c>\r</c>, so prefer character classes such as <c>[^"\r\n]</c>).
/// In a YAML file (the default) each group must fall inside one value or one comment, and the file is re-parsed
/// and checked; with <see cref="PlainText"/> any text file can be edited, unchecked.
/// </summary>
/// <param name="Pattern">A .NET regular expression with at least one of the named groups.</param>
public sealed record RegexEdit(string Pattern) : ManifestEdit
{
    private static readonly string[] Groups = ["tag", "digest", "repository", "image"];

    /// <summary>Treat the file as plain text: no YAML parsing and no structural check (for <c>.env</c>, Dockerfiles...).</summary>
    public bool PlainText { get; init; }

    /// <summary>What the <c>image</c> group receives after the repository; <c>Tag | Digest</c> by default.</summary>
    public ImageParts Parts { get; init; } = ImageParts.Tag | ImageParts.Digest;

    /// <inheritdoc />
    public override string Selector => $"regex /{Pattern}/";

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        var regex = Compile();
        var names = regex.GetGroupNames().Where(n => !int.TryParse(n, out _)).ToList();
        var unknown = names.Except(Groups).ToList();
        if (unknown.Count > 0 || names.Count == 0)
        {
            throw new ManifestEditConfigException(Selector, nameof(Pattern),
                $"{Selector}: name the part to replace with a group (?<tag>...), (?<digest>...), (?<repository>...) or (?<image>...)"
                + (unknown.Count > 0 ? $"; unknown group(s): {string.Join(", ", unknown)}" : "") + ".");
        }

        ImageValues.ValidateReferenceParts(Parts, Selector, nameof(Parts));
    }

    /// <inheritdoc />
    public override EditResult Apply(ManifestDocument document, ImageReference image)
    {
        Validate();
        var regex = Compile();
        var text = document.Text;
        MatchCollection matches;
        try
        {
            matches = regex.Matches(text);
            _ = matches.Count;
        }
        catch (RegexMatchTimeoutException exception)
        {
            throw new ManifestEditConfigException(Selector, nameof(Pattern),
                $"{document.Path}: {Selector} took longer than {exception.MatchTimeout.TotalSeconds:0} s; simplify the pattern (avoid nested quantifiers).", exception);
        }

        CheckCount(document, Selector, matches.Count, atLeastOneByDefault: true, () => [],
            "Check the pattern against the file (it runs with RegexOptions.Multiline).");
        var spans = new List<GroupSpan>();
        foreach (Match match in matches)
        {
            foreach (var name in Groups)
            {
                var group = match.Groups[name];
                if (!group.Success)
                {
                    continue;
                }

                var (field, value) = name switch
                {
                    "tag" => (ImageValues.TagField, ImageValues.Tag(image, document, Selector)),
                    "digest" => (ImageValues.DigestField, ImageValues.Digest(image, document, Selector)),
                    "repository" => (ImageValues.RepositoryField, ImageValues.Repository(image, group.Value)),
                    _ => (ImageValues.ReferenceField, ImageValues.Reference(image, Parts, document, Selector, group.Value)),
                };
                EditPlan.CheckValue(document, value, field, Selector);
                spans.Add(new GroupSpan(group.Index, group.Length, field, value));
            }
        }

        return RegexSplicer.Apply(document, this, spans, matches.Count);
    }

    private Regex Compile()
    {
        try
        {
            return new Regex(Pattern ?? "", RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        }
        catch (ArgumentException exception)
        {
            throw new ManifestEditConfigException(Selector, nameof(Pattern), $"{Selector}: not a valid regular expression: {exception.Message}", exception);
        }
    }

    internal sealed record GroupSpan(int Index, int Length, string Field, string Value);
}
