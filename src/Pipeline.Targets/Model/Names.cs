using System.Text;

namespace Pipeline.Targets;

/// <summary>Name forms: kebab-case options, SCREAMING_SNAKE environment variables, and the normalised form used to match.</summary>
internal static class Names
{
    private static readonly (string Word, string Replacement)[] Words = [("GitHub", "Github"), ("GitOps", "Gitops"), ("NuGet", "Nuget")];

    /// <summary>Lower case with dashes and underscores removed: <c>--Image-Name</c>, <c>image_name</c> and <c>imagename</c> all match.</summary>
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.TrimStart('-'))
        {
            if (c != '-' && c != '_')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }

    /// <summary><c>GitHubAppId</c> becomes <c>github-app-id</c>.</summary>
    public static string Kebab(string name) => Split(name, '-').ToLowerInvariant();

    /// <summary><c>GitHubAppId</c> becomes <c>GITHUB_APP_ID</c>.</summary>
    public static string Screaming(string name) => Split(name, '_').ToUpperInvariant();

    private static string Split(string name, char separator)
    {
        foreach (var (word, replacement) in Words)
        {
            name = name.Replace(word, replacement, StringComparison.Ordinal);
        }

        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c))
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    builder.Append(separator);
                }
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
