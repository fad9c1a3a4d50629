using System.Text.Json.Serialization;
using Pipeline.Rehearsal.GitHub.Rest.GitData;

namespace Pipeline.Rehearsal.GitHub.Rest.Commits;

/// <summary>GitHub's <c>commit</c> (as in branches, compare and <c>GET /commits/{ref}</c>).</summary>
internal sealed record CommitJson(
    string Url,
    string Sha,
    string NodeId,
    string HtmlUrl,
    string CommentsUrl,
    CommitDetailJson Commit,
    UserJson? Author,
    UserJson? Committer,
    IReadOnlyList<ParentJson> Parents,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DiffEntryJson>? Files)
{
    /// <summary>Line counts of a single commit (<c>GET /commits/{ref}</c> only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CommitStatsJson? Stats { get; init; }
}

/// <summary>The <c>stats</c> of a commit.</summary>
internal sealed record CommitStatsJson(int Additions, int Deletions, int Total);

/// <summary>The git part of a <c>commit</c>.</summary>
internal sealed record CommitDetailJson(
    string Url,
    GitUserJson Author,
    GitUserJson Committer,
    string Message,
    int CommentCount,
    ShaUrlJson Tree,
    VerificationJson Verification);

/// <summary>GitHub's <c>diff-entry</c>.</summary>
internal sealed record DiffEntryJson(
    string? Sha,
    string Filename,
    string Status,
    int Additions,
    int Deletions,
    int Changes,
    string BlobUrl,
    string RawUrl,
    string ContentsUrl)
{
    /// <summary>The unified diff hunks of the file (pull request files).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Patch { get; init; }
}

/// <summary>GitHub's <c>branch-with-protection</c>.</summary>
internal sealed record BranchJson(
    string Name,
    CommitJson Commit,
    [property: JsonPropertyName("_links")] BranchLinksJson Links,
    bool Protected,
    BranchProtectionJson Protection,
    string ProtectionUrl);

/// <summary>The links of a branch.</summary>
internal sealed record BranchLinksJson(string Html, string Self);

/// <summary>A summary of a branch's protection.</summary>
internal sealed record BranchProtectionJson(
    bool Enabled,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RequiredChecksJson? RequiredStatusChecks);

/// <summary>Required status checks of a protected branch.</summary>
internal sealed record RequiredChecksJson(string EnforcementLevel, IReadOnlyList<string> Contexts,
    IReadOnlyList<RequiredCheckJson> Checks);

/// <summary>One required check.</summary>
internal sealed record RequiredCheckJson(string Context, long? AppId);

/// <summary>GitHub's <c>short-branch</c>.</summary>
internal sealed record ShortBranchJson(string Name, ShaUrlJson Commit, bool Protected);

/// <summary>GitHub's <c>commit-comparison</c>.</summary>
internal sealed record ComparisonJson(
    string Url,
    string HtmlUrl,
    string PermalinkUrl,
    string DiffUrl,
    string PatchUrl,
    CommitJson BaseCommit,
    CommitJson MergeBaseCommit,
    string Status,
    int AheadBy,
    int BehindBy,
    int TotalCommits,
    IReadOnlyList<CommitJson> Commits,
    IReadOnlyList<DiffEntryJson> Files);
