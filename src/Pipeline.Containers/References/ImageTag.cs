namespace Pipeline.Containers;

/// <summary>
/// The tag grammar of the OCI distribution spec: <c>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}</c>.
/// </summary>
public static class ImageTag
{
    /// <summary>The longest tag a registry accepts.</summary>
    public const int MaxLength = 128;

    /// <summary>The tag used when a reference names neither a tag nor a digest.</summary>
    public const string Default = "latest";

    /// <summary>True when <paramref name="tag"/> follows the tag grammar.</summary>
    public static bool IsValid(string? tag) => Validate(tag) is null;

    /// <summary>Returns null when <paramref name="tag"/> is valid, otherwise what is wrong with it.</summary>
    public static string? Validate(string? tag)
    {
        if (string.IsNullOrEmpty(tag))
        {
            return "a tag is empty";
        }

        if (tag.Length > MaxLength)
        {
            return $"tag '{tag[..20]}...' is {tag.Length} characters long; at most {MaxLength} are allowed";
        }

        if (tag[0] is '.' or '-')
        {
            return $"tag '{tag}' starts with '{tag[0]}'; a tag starts with a letter, a digit or '_'";
        }

        foreach (var c in tag)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or '-'))
            {
                return $"tag '{tag}' contains '{c}'; a tag may contain only letters, digits, '_', '.' and '-'";
            }
        }

        return null;
    }

    /// <summary>Throws <see cref="InvalidImageReferenceException"/> when <paramref name="tag"/> is not valid.</summary>
    public static string EnsureValid(string tag) =>
        Validate(tag) is { } error ? throw new InvalidImageReferenceException(tag, error) : tag;

    /// <summary>
    /// Turns free text (a branch name such as <c>feature/Login</c>) into a valid tag
    /// (<c>feature-login</c>), or returns null when nothing usable remains.
    /// </summary>
    public static string? Sanitize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var chars = text.Trim().ToLowerInvariant()
            .Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-')
            .ToArray();
        var result = new string(chars).TrimStart('.', '-');
        if (result.Length > MaxLength)
        {
            result = result[..MaxLength];
        }

        return result.Length == 0 ? null : result;
    }
}
