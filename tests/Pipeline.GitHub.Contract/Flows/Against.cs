using GitHubContract.Targets;

namespace GitHubContract.Flows;

/// <summary>The contract against the local GitHub server.</summary>
public sealed class OctokitAgainstLocalServer(LocalServerTarget target) : OctokitContract(target), IClassFixture<LocalServerTarget>;

/// <summary>The contract against GitHub's recorded answers.</summary>
public sealed class OctokitAgainstRecordedGitHub(RecordedGitHubTarget target) : OctokitContract(target), IClassFixture<RecordedGitHubTarget>;
