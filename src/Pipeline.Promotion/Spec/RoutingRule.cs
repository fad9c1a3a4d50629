using System.Text.RegularExpressions;

namespace Pipeline.Promotion;

/// <summary>
/// When an environment is promoted to: the image tag matches one of <see cref="Tags"/> and the source branch one
/// of <see cref="Branches"/> (an empty list matches anything). Patterns are .NET regular expressions that must
/// match the whole tag or branch: <c>.*-dev</c> matches <c>1.2-dev</c>, <c>main</c> matches only <c>main</c>.
/// </summary>
public sealed record RoutingRule
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>Creates a rule from patterns; throws <see cref="ArgumentException"/> for an invalid pattern.</summary>
    public RoutingRule(IReadOnlyList<string> tags, IReadOnlyList<string> branches)
    {
        Tags = tags ?? [];
        Branches = branches ?? [];
        TagRegexes = [.. Tags.Select(Compile)];
        BranchRegexes = [.. Branches.Select(Compile)];
    }

    /// <summary>A rule that matches every image.</summary>
    public static RoutingRule Always { get; } = new([], []);

    /// <summary>Tag patterns; any one must match.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Source branch patterns; any one must match.</summary>
    public IReadOnlyList<string> Branches { get; }

    private IReadOnlyList<Regex> TagRegexes { get; }

    private IReadOnlyList<Regex> BranchRegexes { get; }

    /// <summary>Returns null when the image routes here, otherwise why not (for results and logs).</summary>
    public string? Explain(string tag, string? sourceBranch)
    {
        if (TagRegexes.Count > 0 && !TagRegexes.Any(r => r.IsMatch(tag)))
        {
            return $"tag '{tag}' does not match when.tag ({string.Join(" | ", Tags)})";
        }

        if (BranchRegexes.Count > 0)
        {
            if (string.IsNullOrEmpty(sourceBranch))
            {
                return $"the source branch is not known, and when.branch requires {string.Join(" | ", Branches)}";
            }

            if (!BranchRegexes.Any(r => r.IsMatch(sourceBranch)))
            {
                return $"source branch '{sourceBranch}' does not match when.branch ({string.Join(" | ", Branches)})";
            }
        }

        return null;
    }

    /// <summary>Whether the image routes here.</summary>
    public bool Matches(string tag, string? sourceBranch) => Explain(tag, sourceBranch) is null;

    /// <summary>Returns null when <paramref name="pattern"/> compiles, otherwise the parser's complaint.</summary>
    internal static string? Check(string pattern)
    {
        try
        {
            _ = Compile(pattern);
            return null;
        }
        catch (ArgumentException exception)
        {
            return exception.Message;
        }
    }

    private static Regex Compile(string pattern) =>
        new("^(?:" + pattern + ")$", RegexOptions.CultureInvariant, Timeout);
}
