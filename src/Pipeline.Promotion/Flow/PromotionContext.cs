using System.Globalization;
using Pipeline.Containers;

namespace Pipeline.Promotion;

/// <summary>One app and environment being promoted, with the values its templates see.</summary>
internal sealed record PromotionContext(PromotionRequest Request, AppSpec App, EnvironmentSpec Environment, ImageReference Image, TargetConnection Connection, string Branch)
{
    public PromotionSource Source => Request.Source;

    /// <summary>The history the monotonic guard compares source commits in; null when there is none.</summary>
    public ISourceHistory? SourceHistory { get; init; }

    public string? CiRunUrl => Request.CiRunUrl;

    public IPromotionWriter Writer => Connection.Writer;

    public IReadOnlyDictionary<string, string?> Values => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["app"] = App.Name,
        ["environment"] = Environment.Name,
        ["image"] = Image.Name,
        ["tag"] = Image.Tag,
        ["digest"] = Image.Digest?.ToString(),
        ["shortDigest"] = Image.Digest is { } d ? d.Hex[..Math.Min(12, d.Hex.Length)] : null,
        ["reference"] = Image.ToString(),
        ["sourceRepository"] = Source.Repository,
        ["sourceCommit"] = Source.Commit,
        ["shortSourceCommit"] = Source.Commit is { Length: > 7 } c ? c[..7] : Source.Commit,
        ["sourceBranch"] = Source.Branch,
        ["sourceMessage"] = FirstLine(Source.Message),
        ["ciRun"] = CiRunUrl,
    };

    public PromotionTrailers Trailers => new()
    {
        PromotedImage = Image.ToString(),
        ImageDigest = Image.Digest?.ToString(),
        SourceRepository = Source.Repository,
        SourceCommit = Source.Commit,
        Environment = Environment.Name,
        CiRun = CiRunUrl,
    };

    /// <summary>The commit message: the rendered template (first line is the subject), a blank line, the trailers.</summary>
    public CommitMessage Message()
    {
        var rendered = Environment.Message.Render(Values).Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n');
        var lines = rendered.Split('\n');
        var subject = PromotionTrailers.SingleLine(lines[0]);
        var rest = string.Join('\n', lines.Skip(1)).Trim('\n');
        var trailers = Trailers.Format();
        return new CommitMessage(subject, rest.Length == 0 ? trailers : rest + "\n\n" + trailers);
    }

    public string Title() => Environment.Title is { } title
        ? PromotionTrailers.SingleLine(title.Render(Values))
        : Message().Subject;

    public string PullRequestBranch()
    {
        var branch = Environment.Branch.Render(Values);
        return BranchNames.Problem(branch) is { } problem
            ? throw new PromotionRequestException($"The pull request branch '{branch}' of {App.Name}/{Environment.Name} {problem}; change 'branch:' in the spec.")
            : branch;
    }

    private static string? FirstLine(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var line = PromotionTrailers.SingleLine(text.Replace("\r", "", StringComparison.Ordinal).Split('\n')[0]);
        return line.Length > 200 ? line[..200] : line;
    }
}

/// <summary>git's rules for branch names (<c>git check-ref-format</c>), checked before anything is created.</summary>
internal static class BranchNames
{
    public static string? Problem(string branch)
    {
        if (string.IsNullOrWhiteSpace(branch) || branch.Length > 200)
        {
            return "is empty or longer than 200 characters";
        }

        if (branch.Any(c => char.IsControl(c) || c is ' ' or '~' or '^' or ':' or '?' or '*' or '[' or '\\')
            || branch.Contains("..", StringComparison.Ordinal) || branch.Contains("@{", StringComparison.Ordinal)
            || branch.Contains("//", StringComparison.Ordinal) || branch.StartsWith('/') || branch.EndsWith('/')
            || branch.EndsWith('.') || branch.EndsWith(".lock", StringComparison.Ordinal) || branch.StartsWith('-')
            || branch.Split('/').Any(s => s.StartsWith('.')))
        {
            return string.Create(CultureInfo.InvariantCulture, $"is not a valid git branch name");
        }

        return null;
    }
}
