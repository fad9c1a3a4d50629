using YamlDotNet.Core;

namespace Pipeline.Promotion.Edits;

/// <summary>
/// What an edit intends: values to replace and keys to add, found in a located tree. <see cref="Execute"/>
/// splices the text, re-parses it and checks that exactly the intended values changed.
/// </summary>
internal sealed partial class EditPlan(ManifestDocument document, YamlTree tree, ManifestEdit edit)
{
    private readonly List<Replacement> _replacements = [];
    private readonly List<Addition> _additions = [];

    public ManifestDocument Document => document;

    public YamlTree Tree => tree;

    public int Matches { get; set; }

    public static EditPlan Start(ManifestDocument document, ManifestEdit edit)
    {
        edit.Validate();
        return new EditPlan(document, YamlTreeReader.Read(document.Path, document.Text), edit);
    }

    public void Replace(YamlScalar target, string value, string field, string selector)
    {
        CheckValue(value, field, selector);
        CheckEditable(target, selector);
        CheckAnchors(target, selector);
        var existing = _replacements.Find(r => ReferenceEquals(r.Target, target));
        if (existing is not null)
        {
            if (existing.Value != value)
            {
                throw new ManifestEditConfigException(selector, field,
                    $"{document.Path}:{target.Line}: {existing.Selector} ({existing.Field}) and {selector} ({field}) both select "
                    + $"{YamlPaths.Describe(target)} but would write different values; select each value once.");
            }

            return;
        }

        _replacements.Add(new Replacement(target, value, field, selector));
    }

    public void AddKey(YamlMapping mapping, string key, string value, string field, string selector)
    {
        CheckValue(value, field, selector);
        CheckAnchors(mapping, selector);
        _additions.Add(new Addition(mapping, key, value, field, selector));
    }

    public EditResult Execute()
    {
        var splices = new List<Splice>();
        var expectations = new Expectations();
        var changes = new List<ManifestChange>();
        foreach (var replacement in _replacements)
        {
            var target = replacement.Target;
            if (target.HasText && string.Equals(target.Value, replacement.Value, StringComparison.Ordinal))
            {
                continue;
            }

            var (text, style) = ScalarText.Render(replacement.Value, target.Style, ScalarText.InFlow(target), target.Value);
            splices.Add(target.HasText
                ? new Splice(target.TokenStart, target.TokenEnd, text)
                : new Splice(target.TokenStart, target.TokenStart, " " + text));
            expectations.Values[target] = (replacement.Value, style);
            changes.Add(Change(replacement.Selector, target, replacement.Field, target.HasText ? target.Value : "", replacement.Value));
        }

        foreach (var group in _additions.GroupBy(a => a.Mapping))
        {
            splices.Add(Insertion(group.Key, [.. group], expectations, changes));
        }

        if (splices.Count == 0)
        {
            return new EditResult(document, document, [], Matches);
        }

        var edited = document.WithText(Apply(splices));
        Verify(edited, expectations);
        changes.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        return new EditResult(document, edited, changes, Matches);
    }

    /// <summary>Checks the result of a raw-text edit (the regular expression edit) against the expectations.</summary>
    public void Verify(ManifestDocument edited, Expectations expectations)
    {
        var selector = edit.Selector;
        YamlTree after;
        try
        {
            after = YamlTreeReader.Read(edited.Path, edited.Text);
        }
        catch (ManifestSyntaxException exception)
        {
            throw new ManifestVerificationException(document.Path, selector, $"line {exception.Line}",
                "the edited text is no longer valid YAML: " + exception.Reason, exception);
        }

        TreeVerifier.Verify(document.Path, selector, tree, after, expectations);
    }

    private ManifestChange Change(string selector, YamlNode target, string field, string? oldValue, string newValue) =>
        new(document.Path, selector, YamlPaths.Describe(target), field, oldValue, newValue, target.Line, target.Column)
        {
            Document = target.Document,
            SharedWith = [.. SharingAliases(target).Select(a => $"line {a.Line} (*{a.Name})")],
        };

    private sealed record Replacement(YamlScalar Target, string Value, string Field, string Selector);

    private sealed record Addition(YamlMapping Mapping, string Key, string Value, string Field, string Selector);

    internal sealed record Splice(int Start, int End, string Text);
}

/// <summary>What the re-parsed file must show: replaced values with their style, values that must contain a text, added keys.</summary>
internal sealed class Expectations
{
    public Dictionary<YamlScalar, (string Value, ScalarStyle Style)> Values { get; } = [];

    public Dictionary<YamlScalar, List<string>> Containing { get; } = [];

    public Dictionary<YamlMapping, List<(string Key, string Value, ScalarStyle Style)>> Added { get; } = [];
}
