using System.Text.RegularExpressions;

namespace Pipeline.Containers;

public sealed partial record ImageReference
{
    private static ImageReference? ParseCore(string? value, bool defaultTag, out string? error)
    {
        error = null;
        if (string.IsNullOrEmpty(value))
        {
            error = "an image reference is empty";
            return null;
        }

        if (value.Any(char.IsWhiteSpace))
        {
            error = "an image reference contains white space";
            return null;
        }

        var remainder = value;
        Digest? digest = null;
        var at = remainder.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            if (!Digest.TryParse(remainder[(at + 1)..], out digest, out error))
            {
                return null;
            }

            remainder = remainder[..at];
        }

        string? tag = null;
        var lastColon = remainder.LastIndexOf(':');
        if (lastColon > remainder.LastIndexOf('/'))
        {
            tag = remainder[(lastColon + 1)..];
            if (ImageTag.Validate(tag) is { } tagError)
            {
                error = tagError;
                return null;
            }

            remainder = remainder[..lastColon];
        }

        var (registry, repository) = SplitRegistry(remainder);
        error = RegistryHosts.Validate(registry) ?? ValidateRepository(repository);
        if (error is not null)
        {
            return null;
        }

        if (registry is "index.docker.io" or "registry-1.docker.io")
        {
            registry = DockerHub;
        }

        if (registry == DockerHub && !repository.Contains('/', StringComparison.Ordinal))
        {
            repository = "library/" + repository;
        }

        if (registry.Length + 1 + repository.Length > MaxNameLength)
        {
            error = $"name '{registry}/{repository}' is longer than {MaxNameLength} characters";
            return null;
        }

        if (defaultTag && tag is null && digest is null)
        {
            tag = ImageTag.Default;
        }

        return new ImageReference(registry, repository, tag, digest);
    }

    private static (string Registry, string Repository) SplitRegistry(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return (DockerHub, name);
        }

        var first = name[..slash];
        // Like the Docker CLI: a first component is a registry when it has a dot, a port or is localhost.
        var isRegistry = first.Contains('.', StringComparison.Ordinal)
            || first.Contains(':', StringComparison.Ordinal)
            || first == "localhost";
        return isRegistry ? (first, name[(slash + 1)..]) : (DockerHub, name);
    }

    /// <summary>Returns null when <paramref name="repository"/> is a valid repository path, otherwise what is wrong.</summary>
    internal static string? ValidateRepository(string repository)
    {
        if (repository.Length == 0)
        {
            return "the repository name is empty";
        }

        if (repository.Any(char.IsAsciiLetterUpper))
        {
            return $"repository '{repository}' contains upper-case letters; repository names must be lower case "
                + $"(did you mean '{repository.ToLowerInvariant()}'?)";
        }

        foreach (var component in repository.Split('/'))
        {
            if (ValidatePathComponent(component) is { } problem)
            {
                return $"repository '{repository}' {problem}";
            }
        }

        return null;
    }

    private static string? ValidatePathComponent(string component)
    {
        if (component.Length == 0)
        {
            return "has an empty path component (a leading, trailing or doubled '/')";
        }

        if (PathComponentPattern().IsMatch(component))
        {
            return null;
        }

        var bad = component.FirstOrDefault(c => !IsLowerAlphaNumeric(c) && c is not ('.' or '_' or '-'));
        if (bad != default)
        {
            return $"contains '{bad}'; only lower-case letters, digits and the separators '.', '_', '__', '-' are allowed";
        }

        return !IsLowerAlphaNumeric(component[0]) || !IsLowerAlphaNumeric(component[^1])
            ? $"has component '{component}' that does not start and end with a lower-case letter or digit"
            : $"has component '{component}' with a separator sequence that is not allowed (use '.', '_', '__' or dashes)";
    }

    [GeneratedRegex("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PathComponentPattern();

    private static bool IsLowerAlphaNumeric(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
