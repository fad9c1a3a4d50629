namespace Pipeline.Rehearsal.GitHub.Git;

/// <summary>A person and moment in a commit header.</summary>
internal sealed record GitIdentity(string Name, string Email, DateTimeOffset When)
{
    public string ToGitDate() => $"{When.ToUnixTimeSeconds()} {FormatOffset(When.Offset)}";

    public static GitIdentity Parse(string header)
    {
        // "Name <email> 1700000000 +0100"
        var open = header.LastIndexOf('<');
        var close = header.LastIndexOf('>');
        var name = header[..Math.Max(open - 1, 0)];
        var email = header[(open + 1)..close];
        var rest = header[(close + 2)..].Split(' ');
        var seconds = long.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture);
        var offset = ParseOffset(rest.Length > 1 ? rest[1] : "+0000");
        return new GitIdentity(name, email, DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(offset));
    }

    private static string FormatOffset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return $"{sign}{abs.Hours:00}{abs.Minutes:00}";
    }

    private static TimeSpan ParseOffset(string text)
    {
        var sign = text[0] == '-' ? -1 : 1;
        var hours = int.Parse(text.AsSpan(1, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        var minutes = int.Parse(text.AsSpan(3, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        return sign * new TimeSpan(hours, minutes, 0);
    }
}

/// <summary>A parsed commit object; a signed one has its armored <c>gpgsig</c> and the object text without it (what was signed).</summary>
internal sealed record GitCommit(
    string Sha,
    string Tree,
    IReadOnlyList<string> Parents,
    GitIdentity Author,
    GitIdentity Committer,
    string Message,
    string? Signature,
    string? Payload);

/// <summary>One entry of a tree listing (<c>git ls-tree -l</c>).</summary>
internal sealed record GitTreeEntry(string Mode, string Type, string Sha, long? Size, string Path);

/// <summary>A raw object read with <c>git cat-file</c>.</summary>
internal sealed record GitObject(string Sha, string Type, byte[] Content);

/// <summary>One edit of a tree: put an object at a path, or remove the path when <see cref="Sha"/> is null.</summary>
internal sealed record GitTreeChange(string Path, string Mode, string Type, string? Sha);

/// <summary>A reference and the object it points at.</summary>
internal sealed record GitRef(string Name, string Sha, string ObjectType);

/// <summary>A path changed between two commits: status letter (A, M, D) and added and removed line counts.</summary>
internal sealed record GitChange(string Status, string Path, int Additions, int Deletions);
