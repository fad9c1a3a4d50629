namespace Pipeline.Targets;

/// <summary>"Did you mean" suggestions by edit distance over normalised names.</summary>
internal static class Suggestions
{
    public static string? Nearest(string input, IEnumerable<string> candidates)
    {
        var normalized = Names.Normalize(input);
        var best = candidates
            .Select(c => (Candidate: c, Distance: Distance(normalized, Names.Normalize(c))))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best.Candidate is null)
        {
            return null;
        }

        var limit = Math.Max(2, normalized.Length / 3);
        var isPrefix = normalized.Length >= 3 && Names.Normalize(best.Candidate).StartsWith(normalized, StringComparison.Ordinal);
        return best.Distance <= limit || isPrefix ? best.Candidate : null;
    }

    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
