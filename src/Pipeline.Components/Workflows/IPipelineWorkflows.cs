using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>
/// The GitHub Actions workflows of a build that promotes, generated from its targets by every local run: list this
/// interface on the build class and nothing else. <c>ci.yml</c> runs Test; <c>promote.yml</c> runs Test, one
/// BuildMultiArchImage per platform on its own runner, MergeImage + CaptureDigest, then BumpGitOps; and
/// <c>promote-receiver.yml</c>, for the GitOps repository, applies <c>--write-method Dispatch</c> with the
/// <c>apply-dispatch</c> action (no checkout of this build, no .NET there). They read the repository variables
/// <c>IMAGE</c>, <c>GITOPS_REPOSITORY</c>, <c>GITOPS_APP_ID</c> and the secret <c>GITOPS_APP_PRIVATE_KEY</c>.
/// </summary>
public interface IPipelineWorkflows : IPromote, IHaveGitHubWorkflows
{
    /// <summary>Where the GitOps repository's receiver workflow is written, to be copied there (relative to the root).</summary>
    string GitOpsReceiverDirectory => ".github/gitops-receiver";

    /// <summary>The ci, promote and promote-receiver workflows.</summary>
    IEnumerable<GitHubWorkflow> IHaveGitHubWorkflows.GitHubWorkflows => PipelineWorkflows.Create(GitOpsReceiverDirectory);
}
