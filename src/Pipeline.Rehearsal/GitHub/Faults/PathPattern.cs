namespace Pipeline.Rehearsal.GitHub.Faults;

/// <summary>Matches request paths against patterns where <c>*</c> is one segment and <c>**</c> the rest.</summary>
internal static class PathPattern
{
    public static bool Matches(string pattern, string path)
    {
        var expected = pattern.Split('?')[0].Trim('/').Split('/');
        var actual = path.Trim('/').Split('/');
        for (var i = 0; i < expected.Length; i++)
        {
            if (expected[i] == "**")
            {
                return true;
            }

            if (i >= actual.Length
                || (expected[i] != "*" && !string.Equals(expected[i], Uri.UnescapeDataString(actual[i]), StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return expected.Length == actual.Length;
    }
}
