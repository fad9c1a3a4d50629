using System.Text;

namespace Pipeline.Promotion;

/// <summary>
/// A text with placeholders in braces, for commit messages, pull request titles and branch names:
/// <c>ci({app}): bump image to {tag}</c>. <c>{{</c> and <c>}}</c> stand for literal braces. The placeholders are
/// <see cref="Placeholders"/>; an unknown one is an error when the spec is read, not when it is used.
/// </summary>
public sealed record MessageTemplate
{
    /// <summary>Every placeholder a template may use.</summary>
    public static readonly IReadOnlyList<string> Placeholders =
    [
        "app", "environment", "image", "tag", "digest", "shortDigest", "reference",
        "sourceRepository", "sourceCommit", "shortSourceCommit", "sourceBranch", "sourceMessage", "ciRun",
    ];

    private MessageTemplate(string text) => Text = text;

    /// <summary>The default commit message: <c>Promote {app} to {environment}: {tag}</c>.</summary>
    public static MessageTemplate DefaultMessage { get; } = new("Promote {app} to {environment}: {tag}");

    /// <summary>The default promotion branch: <c>promote/{app}/{environment}</c>.</summary>
    public static MessageTemplate DefaultBranch { get; } = new("promote/{app}/{environment}");

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>Parses a template; throws <see cref="FormatException"/> naming an unknown placeholder or a lone brace.</summary>
    public static MessageTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _ = Render(text, null);
        return new MessageTemplate(text);
    }

    /// <summary>The text with each placeholder replaced by its value (empty when the value is unknown).</summary>
    public string Render(IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Render(Text, values);
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static string Render(string text, IReadOnlyDictionary<string, string?>? values)
    {
        var output = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                output.Append(c);
                i++;
                continue;
            }

            if (c == '}')
            {
                throw new FormatException($"'}}' at position {i + 1} closes nothing; write '}}}}' for a literal brace.");
            }

            if (c != '{')
            {
                output.Append(c);
                continue;
            }

            var end = text.IndexOf('}', i + 1);
            if (end < 0)
            {
                throw new FormatException($"'{{' at position {i + 1} is not closed; write '{{{{' for a literal brace.");
            }

            var name = text[(i + 1)..end];
            if (!Placeholders.Contains(name, StringComparer.Ordinal))
            {
                throw new FormatException($"unknown placeholder '{{{name}}}'; use one of {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))}.");
            }

            if (values is not null && values.TryGetValue(name, out var value))
            {
                output.Append(value);
            }

            i = end;
        }

        return output.ToString();
    }
}
