using Pipeline.GitHub;
using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion;

/// <summary>How a promotion lands in the GitOps repository.</summary>
public enum PromotionMode
{
    /// <summary>One commit straight on the target branch.</summary>
    Commit,

    /// <summary>A commit on a promotion branch and one live pull request per app and environment.</summary>
    PullRequest,
}

/// <summary>What happens to a promotion pull request once it is open.</summary>
public enum PullRequestMerge
{
    /// <summary>Leave it for people to merge.</summary>
    None,

    /// <summary>Enable GitHub auto-merge: GitHub merges once required checks pass.</summary>
    Auto,

    /// <summary>Merge it at once (fails with a clear error when checks or reviews stand in the way).</summary>
    Immediate,
}

/// <summary>
/// One environment of an app: when it is promoted to (<see cref="When"/>), the files and edits, and how the
/// change lands. Settings not given on the environment come from the app, then from the spec's <c>defaults</c>.
/// </summary>
/// <param name="App">The app's name.</param>
/// <param name="Name">The environment's name (<c>dev</c>, <c>prod</c>).</param>
/// <param name="Files">The files and their edits; all land in one commit or none.</param>
public sealed record EnvironmentSpec(string App, string Name, IReadOnlyList<FileSpec> Files)
{
    /// <summary>The routing rule; an empty rule matches every image.</summary>
    public RoutingRule When { get; init; } = RoutingRule.Always;

    /// <summary>Commit straight to the branch, or open a pull request.</summary>
    public PromotionMode Mode { get; init; } = PromotionMode.Commit;

    /// <summary>What to do with the pull request once open.</summary>
    public PullRequestMerge Merge { get; init; } = PullRequestMerge.None;

    /// <summary>How the pull request is merged.</summary>
    public MergeMethod MergeMethod { get; init; } = MergeMethod.Squash;

    /// <summary>Delete the promotion branch once its pull request merged (true by default).</summary>
    public bool DeleteBranch { get; init; } = true;

    /// <summary>
    /// When a direct commit is refused by branch protection, open a pull request instead of failing.
    /// </summary>
    public bool FallbackToPullRequest { get; init; }

    /// <summary>The commit message template (first line is the subject); see <see cref="MessageTemplate"/>.</summary>
    public MessageTemplate Message { get; init; } = MessageTemplate.DefaultMessage;

    /// <summary>The pull request title template; the message's subject when null.</summary>
    public MessageTemplate? Title { get; init; }

    /// <summary>The promotion branch template for pull requests.</summary>
    public MessageTemplate Branch { get; init; } = MessageTemplate.DefaultBranch;

    /// <summary>Labels put on the pull request.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Where the environment is declared.</summary>
    public SpecLocation? Location { get; init; }

    /// <summary>The distinct paths of <see cref="Files"/>, in order.</summary>
    public IReadOnlyList<string> Paths => [.. Files.Select(f => f.Path).Distinct(StringComparer.Ordinal)];
}

/// <summary>One file and one edit; a path listed several times receives its edits in order.</summary>
/// <param name="Path">The path relative to the repository root, with forward slashes.</param>
/// <param name="Edit">The edit (Helm values, container, kustomize, marker or regex).</param>
public sealed record FileSpec(string Path, IManifestEdit Edit)
{
    /// <summary>Where the file entry is declared.</summary>
    public SpecLocation? Location { get; init; }
}
