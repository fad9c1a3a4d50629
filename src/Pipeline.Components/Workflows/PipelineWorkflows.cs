using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>The workflows of <see cref="IPipelineWorkflows"/>.</summary>
internal static class PipelineWorkflows
{
    /// <summary>The action the receiver runs: the pipeline tool, installed from a release, applying the dispatch.</summary>
    public const string ApplyDispatchAction = "pipeline-build/pipeline/apply-dispatch@v1";

    private static readonly IReadOnlyDictionary<string, string> RegistryLogin = new Dictionary<string, string>
    {
        ["IMAGE"] = "${{ vars.IMAGE }}",
        ["REGISTRY_USERNAME"] = "${{ github.actor }}",
        ["REGISTRY_PASSWORD"] = "${{ secrets.GITHUB_TOKEN }}",
    };

    private static readonly IReadOnlyDictionary<string, string> GitOpsAccess = new Dictionary<string, string>
    {
        ["GITOPS_REPOSITORY"] = "${{ vars.GITOPS_REPOSITORY }}",
        ["GITHUB_APP_ID"] = "${{ vars.GITOPS_APP_ID }}",
        ["GITHUB_APP_PRIVATE_KEY"] = "${{ secrets.GITOPS_APP_PRIVATE_KEY }}",
    };

    public static IEnumerable<GitHubWorkflow> Create(string receiverDirectory) =>
    [
        new("ci", "ci")
        {
            On = new WorkflowTriggers { PushBranches = ["**"], PullRequestBranches = ["main"] },
            ConcurrencyGroup = "ci-${{ github.ref }}",
            CancelInProgress = true,
            Jobs = [new GitHubJob("test", ["Test"]) { Uploads = [new ArtifactTransfer("test-results", "artifacts/test-results")] }],
        },
        new("promote", "promote")
        {
            On = new WorkflowTriggers { PushBranches = ["main"], WorkflowDispatch = true },
            // One promotion at a time per GitOps repository: later runs queue, none is cancelled half-way.
            ConcurrencyGroup = "promote-${{ vars.GITOPS_REPOSITORY }}",
            Permissions = new Dictionary<string, string> { ["contents"] = "read", ["packages"] = "write" },
            Jobs =
            [
                new GitHubJob("test", ["Test"]),
                new GitHubJob("build", ["BuildMultiArchImage"])
                {
                    Name = "BuildMultiArchImage (${{ matrix.platform }})",
                    Needs = ["test"],
                    RunsOn = "${{ matrix.runner }}",
                    Matrix =
                    [
                        new Dictionary<string, string> { ["platform"] = "linux/amd64", ["runner"] = "ubuntu-24.04" },
                        new Dictionary<string, string> { ["platform"] = "linux/arm64", ["runner"] = "ubuntu-24.04-arm" },
                    ],
                    Arguments = ["--build-strategy", "Split", "--skip", "Test", "--profile", "ci"],
                    Environment = new Dictionary<string, string>(RegistryLogin) { ["PLATFORMS"] = "${{ matrix.platform }}" },
                    Uploads = [new ArtifactTransfer("platform-${{ strategy.job-index }}", "artifacts/platform-*.json")],
                },
                new GitHubJob("merge", ["MergeImage", "CaptureDigest"])
                {
                    Needs = ["build"],
                    SkipDependencies = true,
                    Arguments = ["--profile", "ci"],
                    Environment = RegistryLogin,
                    Downloads = [new ArtifactTransfer("platform-*", "artifacts")],
                    Uploads = [new ArtifactTransfer("image", "artifacts/image.json")],
                    Outputs = new Dictionary<string, string> { ["reference"] = "reference", ["digest"] = "digest" },
                },
                new GitHubJob("promote", ["BumpGitOps"])
                {
                    Needs = ["merge"],
                    SkipDependencies = true,
                    Arguments = ["--profile", "ci"],
                    // IMAGE too: BumpGitOps promotes artifacts/image.json only when it is of the configured image.
                    Environment = new Dictionary<string, string>(GitOpsAccess) { ["IMAGE"] = "${{ vars.IMAGE }}", ["GITHUB_TOKEN"] = "${{ github.token }}" },
                    Downloads = [new ArtifactTransfer("image", "artifacts")],
                    Uploads = [new ArtifactTransfer("promotion", "artifacts/promotion.json")],
                },
            ],
        },
        new("promote-receiver", "promote-receiver")
        {
            Directory = receiverDirectory,
            On = new WorkflowTriggers { RepositoryDispatchTypes = ["pipeline-promote"] },
            ConcurrencyGroup = "promote-${{ github.repository }}",
            // Without an App, the action writes with this repository's own token.
            Permissions = new Dictionary<string, string> { ["contents"] = "write", ["pull-requests"] = "write" },
            Jobs =
            [
                // The action reads the payload from $GITHUB_EVENT_PATH and validates it against promotion.yaml.
                new GitHubJob("apply", [])
                {
                    Uses = ApplyDispatchAction,
                    With = new Dictionary<string, string>
                    {
                        ["github-app-id"] = "${{ vars.GITOPS_APP_ID }}",
                        ["github-app-private-key"] = "${{ secrets.GITOPS_APP_PRIVATE_KEY }}",
                    },
                },
            ],
        },
    ];
}
