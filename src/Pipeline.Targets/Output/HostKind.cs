namespace Pipeline.Targets;

/// <summary>Where the build runs, which decides how output looks.</summary>
public enum HostKind
{
    /// <summary>An interactive terminal: colours.</summary>
    Terminal,

    /// <summary>Redirected output on a machine that is not a known CI host: plain text.</summary>
    Plain,

    /// <summary>GitHub Actions (<c>GITHUB_ACTIONS=true</c>): groups, masks, annotations, outputs and step summary.</summary>
    GitHubActions,
}
