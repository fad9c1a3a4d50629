namespace Pipeline.GitHub;

/// <summary>A repository named by owner and name, written <c>owner/name</c>.</summary>
public sealed record RepositoryId
{
    /// <summary>Creates a repository id.</summary>
    public RepositoryId(string owner, string name)
    {
        if (string.IsNullOrWhiteSpace(owner) || string.IsNullOrWhiteSpace(name) || owner.Contains('/') || name.Contains('/'))
        {
            throw new ArgumentException($"A repository is named 'owner/name'; got owner '{owner}' and name '{name}'.");
        }

        Owner = owner;
        Name = name;
    }

    /// <summary>The user or organisation that owns the repository.</summary>
    public string Owner { get; }

    /// <summary>The repository name.</summary>
    public string Name { get; }

    /// <summary>Parses <c>owner/name</c>.</summary>
    /// <exception cref="FormatException">The text is not of the form owner/name.</exception>
    public static RepositoryId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split('/');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new FormatException($"'{text}' is not a repository name; write it as owner/name, for example octo-org/gitops.");
        }

        return new RepositoryId(parts[0], parts[1]);
    }

    /// <summary>Returns <c>owner/name</c>.</summary>
    public override string ToString() => $"{Owner}/{Name}";
}
