namespace Pipeline.Targets;

/// <summary>A normalised absolute file-system path with <c>/</c> to combine segments.</summary>
public sealed record AbsolutePath : IComparable<AbsolutePath>
{
    private AbsolutePath(string value) => Value = value;

    /// <summary>The full path, without a trailing separator.</summary>
    public string Value { get; }

    /// <summary>The last segment of the path.</summary>
    public string Name => System.IO.Path.GetFileName(Value);

    /// <summary>The containing directory, or null at the file-system root.</summary>
    public AbsolutePath? Parent => System.IO.Path.GetDirectoryName(Value) is { } parent ? new AbsolutePath(parent) : null;

    /// <summary>Creates a path from an absolute path, or from a relative path resolved against the current directory.</summary>
    public static AbsolutePath Create(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = System.IO.Path.GetFullPath(path);
        var root = System.IO.Path.GetPathRoot(full);
        if (full.Length > 1 && full != root)
        {
            full = full.TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar);
        }

        return new AbsolutePath(full);
    }

    /// <summary>Appends a relative path.</summary>
    public static AbsolutePath operator /(AbsolutePath left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return Create(System.IO.Path.Combine(left.Value, right));
    }

    /// <summary>The path as a string.</summary>
    public static implicit operator string(AbsolutePath path) => path?.Value!;

    /// <summary>The path relative to <paramref name="baseDirectory"/>, with forward slashes.</summary>
    public string RelativeTo(AbsolutePath baseDirectory) =>
        System.IO.Path.GetRelativePath(baseDirectory.Value, Value).Replace('\\', '/');

    /// <summary>Whether a file exists at this path.</summary>
    public bool FileExists() => File.Exists(Value);

    /// <summary>Whether a directory exists at this path.</summary>
    public bool DirectoryExists() => Directory.Exists(Value);

    /// <summary>Creates the directory (and its parents) if it does not exist, and returns this path.</summary>
    public AbsolutePath CreateDirectory()
    {
        Directory.CreateDirectory(Value);
        return this;
    }

    /// <inheritdoc />
    public int CompareTo(AbsolutePath? other) => string.CompareOrdinal(Value, other?.Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
