namespace Pipeline.Promotion.Edits;

/// <summary>
/// A line-level edit script: common prefix and suffix are matched directly, the middle by a longest common
/// subsequence (edits touch few lines, so the middle is small); an oversized middle is shown as replaced.
/// </summary>
internal static class LineDiff
{
    private const long MaxTable = 4_000_000;

    /// <summary>One line of the script: <c>' '</c> kept, <c>'-'</c> removed, <c>'+'</c> added, with 0-based indices.</summary>
    internal sealed record Step(char Kind, int OldIndex, int NewIndex);

    public static List<Step> Compute(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var steps = new List<Step>();
        for (var i = 0; i < prefix; i++)
        {
            steps.Add(new Step(' ', i, i));
        }

        Middle(a, b, prefix, a.Length - suffix, prefix, b.Length - suffix, steps);
        for (var k = suffix; k > 0; k--)
        {
            steps.Add(new Step(' ', a.Length - k, b.Length - k));
        }

        return steps;
    }

    private static void Middle(string[] a, string[] b, int a0, int a1, int b0, int b1, List<Step> steps)
    {
        int n = a1 - a0, m = b1 - b0;
        if ((long)n * m > MaxTable || n == 0 || m == 0)
        {
            for (var i = a0; i < a1; i++)
            {
                steps.Add(new Step('-', i, b0));
            }

            for (var j = b0; j < b1; j++)
            {
                steps.Add(new Step('+', a1, j));
            }

            return;
        }

        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[a0 + i] == b[b0 + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[a0 + x] == b[b0 + y])
            {
                steps.Add(new Step(' ', a0 + x++, b0 + y++));
            }
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                steps.Add(new Step('-', a0 + x++, b0 + y));
            }
            else
            {
                steps.Add(new Step('+', a0 + x, b0 + y++));
            }
        }
    }
}
