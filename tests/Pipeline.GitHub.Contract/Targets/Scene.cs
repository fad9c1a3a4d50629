namespace GitHubContract.Targets;

/// <summary>
/// The names a flow uses. Against GitHub's recorded answers they are the names of the documented examples
/// (octocat/Hello-World, featureA, new-topic...), so that what a flow sends and what it gets back agree; the local
/// server is set up with the same names.
/// </summary>
public sealed record Scene(
    string Owner,
    string Repo,
    string DefaultBranch,
    string File,
    string FileText,
    string NewFile,
    string Branch,
    string PullHead,
    string PullTitle,
    string ProtectedBranch,
    string RequiredCheck,
    string StatusContext,
    string CheckName)
{
    /// <summary>The names of GitHub's documented examples.</summary>
    public static Scene Documented(string defaultBranch) => new("octocat", "Hello-World", defaultBranch, "README.md", "Hello World\n",
        "notes/hello.txt", "featureA", "new-topic", "Amazing new feature", "release", "continuous-integration/travis-ci",
        "continuous-integration/jenkins", "mighty_readme");
}
