namespace Pipeline.Targets;

/// <summary>
/// A GitHub Actions workflow generated from the build's own targets. Local runs of the build rewrite the
/// file when it differs, so the checked-in workflow always matches the build.
/// </summary>
/// <param name="FileName">The file name without extension (<c>ci</c> writes <c>ci.yml</c>).</param>
/// <param name="Name">The workflow's display name.</param>
public sealed record GitHubWorkflow(string FileName, string Name)
{
    /// <summary>The directory, relative to the root, the file is written to.</summary>
    public string Directory { get; init; } = ".github/workflows";

    /// <summary>The events that start the workflow.</summary>
    public WorkflowTriggers On { get; init; } = new();

    /// <summary>A concurrency group: runs of the same group queue instead of overlapping.</summary>
    public string? ConcurrencyGroup { get; init; }

    /// <summary>Whether a new run cancels the one in progress in the same group.</summary>
    public bool CancelInProgress { get; init; }

    /// <summary>Permissions of the workflow's <c>GITHUB_TOKEN</c> (for example <c>contents: read</c>).</summary>
    public IReadOnlyDictionary<string, string> Permissions { get; init; } = new Dictionary<string, string> { ["contents"] = "read" };

    /// <summary>The jobs, in the order they are written.</summary>
    public IReadOnlyList<GitHubJob> Jobs { get; init; } = [];

    /// <summary>The path of the file relative to the root.</summary>
    public string RelativePath => $"{Directory.TrimEnd('/')}/{FileName}.yml";
}

/// <summary>What starts a workflow.</summary>
public sealed record WorkflowTriggers
{
    /// <summary>Branches whose pushes start the workflow.</summary>
    public IReadOnlyList<string> PushBranches { get; init; } = [];

    /// <summary>Branches that pull requests target.</summary>
    public IReadOnlyList<string> PullRequestBranches { get; init; } = [];

    /// <summary><c>repository_dispatch</c> event types.</summary>
    public IReadOnlyList<string> RepositoryDispatchTypes { get; init; } = [];

    /// <summary>Whether the workflow can be started by hand.</summary>
    public bool WorkflowDispatch { get; init; }
}

/// <summary>Copies files between jobs with <c>actions/upload-artifact</c> and <c>actions/download-artifact</c>.</summary>
/// <param name="Name">The artifact name, or a pattern for downloads (<c>platform-*</c>).</param>
/// <param name="Path">The path (relative to the root) to upload from or download into.</param>
public sealed record ArtifactTransfer(string Name, string Path);

/// <summary>A job that runs targets of the build with <c>./build.sh</c>.</summary>
/// <param name="Id">The job id.</param>
/// <param name="Targets">The targets the job invokes.</param>
public sealed record GitHubJob(string Id, IReadOnlyList<string> Targets)
{
    /// <summary>The display name; defaults to the targets.</summary>
    public string? Name { get; init; }

    /// <summary>The runner label, or an expression over the matrix (<c>${{ matrix.runner }}</c>).</summary>
    public string RunsOn { get; init; } = "ubuntu-24.04";

    /// <summary>Jobs that must finish first.</summary>
    public IReadOnlyList<string> Needs { get; init; } = [];

    /// <summary>
    /// Fixed arguments after the targets. They must not contain <c>${{</c>: values that vary (matrix, secrets,
    /// event data) go through <see cref="Environment"/>, so nothing is interpolated into the script.
    /// </summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Whether to pass <c>--skip</c>, so that the job runs only its invoked targets (earlier jobs ran the rest).</summary>
    public bool SkipDependencies { get; init; }

    /// <summary>Environment variables of the build step; values may be expressions such as <c>${{ secrets.TOKEN }}</c>.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>A matrix as a list of combinations (<c>strategy.matrix.include</c>).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Matrix { get; init; } = [];

    /// <summary>Artifacts downloaded before the build step.</summary>
    public IReadOnlyList<ArtifactTransfer> Downloads { get; init; } = [];

    /// <summary>Artifacts uploaded after the build step.</summary>
    public IReadOnlyList<ArtifactTransfer> Uploads { get; init; } = [];

    /// <summary>Job outputs taken from the build's outputs (<c>TargetContext.SetOutput</c>): output name to build output name.</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();

    /// <summary>Permissions of this job's <c>GITHUB_TOKEN</c>, when they differ from the workflow's.</summary>
    public IReadOnlyDictionary<string, string> Permissions { get; init; } = new Dictionary<string, string>();

    /// <summary>A repository to check out instead of the workflow's own (<c>owner/name</c>), for example the build's repository in a receiver workflow.</summary>
    public string? CheckoutRepository { get; init; }

    /// <summary>The token that checks out <see cref="CheckoutRepository"/> (an expression such as <c>${{ secrets.X }}</c>); needed when that repository is private.</summary>
    public string? CheckoutToken { get; init; }

    /// <summary>
    /// An action this job runs instead of the build (<c>owner/repo/path@ref</c>), with <see cref="With"/> as its inputs:
    /// no checkout, no .NET. For a GitOps repository's receiver, which has no build of its own.
    /// </summary>
    public string? Uses { get; init; }

    /// <summary>The inputs of <see cref="Uses"/>; values may be expressions such as <c>${{ secrets.KEY }}</c>.</summary>
    public IReadOnlyDictionary<string, string> With { get; init; } = new Dictionary<string, string>();

    /// <summary>The job's time limit.</summary>
    public int TimeoutMinutes { get; init; } = 30;
}

/// <summary>A build that generates GitHub Actions workflows from its targets.</summary>
public interface IHaveGitHubWorkflows : IPipelineBuild
{
    /// <summary>The workflows to write.</summary>
    IEnumerable<GitHubWorkflow> GitHubWorkflows { get; }
}
