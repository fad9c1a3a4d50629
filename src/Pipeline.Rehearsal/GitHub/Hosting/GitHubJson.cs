using System.Text.Json.Serialization;
using Pipeline.Rehearsal.GitHub.Rest.Apps;
using Pipeline.Rehearsal.GitHub.Rest.Checks;
using Pipeline.Rehearsal.GitHub.Rest.Commits;
using Pipeline.Rehearsal.GitHub.Rest.Contents;
using Pipeline.Rehearsal.GitHub.Rest.GitData;
using Pipeline.Rehearsal.GitHub.Rest.Pulls;

namespace Pipeline.Rehearsal.GitHub.Hosting;

/// <summary>Source-generated serialization of every body the server reads or writes, in GitHub's snake_case.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    AllowTrailingCommas = true,
    ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(ValidationErrorBody))]
[JsonSerializable(typeof(UserJson))]
[JsonSerializable(typeof(RepositoryJson))]
[JsonSerializable(typeof(GitRefJson))]
[JsonSerializable(typeof(IReadOnlyList<GitRefJson>))]
[JsonSerializable(typeof(ShortBlobJson))]
[JsonSerializable(typeof(BlobJson))]
[JsonSerializable(typeof(GitTreeJson))]
[JsonSerializable(typeof(GitCommitJson))]
[JsonSerializable(typeof(CreateBlobRequest))]
[JsonSerializable(typeof(CreateTreeRequest))]
[JsonSerializable(typeof(CreateCommitRequest))]
[JsonSerializable(typeof(CreateRefRequest))]
[JsonSerializable(typeof(UpdateRefRequest))]
[JsonSerializable(typeof(CommitJson))]
[JsonSerializable(typeof(IReadOnlyList<CommitJson>))]
[JsonSerializable(typeof(BranchJson))]
[JsonSerializable(typeof(IReadOnlyList<ShortBranchJson>))]
[JsonSerializable(typeof(ComparisonJson))]
[JsonSerializable(typeof(ContentFileJson))]
[JsonSerializable(typeof(ContentItemJson))]
[JsonSerializable(typeof(IReadOnlyList<ContentItemJson>))]
[JsonSerializable(typeof(FileCommitJson))]
[JsonSerializable(typeof(FileWriteRequest))]
[JsonSerializable(typeof(PullRequestJson))]
[JsonSerializable(typeof(IReadOnlyList<PullRequestJson>))]
[JsonSerializable(typeof(CreatePullRequest))]
[JsonSerializable(typeof(UpdatePullRequest))]
[JsonSerializable(typeof(MergePullRequest))]
[JsonSerializable(typeof(MergeResultJson))]
[JsonSerializable(typeof(IReadOnlyList<LabelJson>))]
[JsonSerializable(typeof(IssueCommentJson))]
[JsonSerializable(typeof(IReadOnlyList<IssueCommentJson>))]
[JsonSerializable(typeof(CreateCommentRequest))]
[JsonSerializable(typeof(CreateStatusRequest))]
[JsonSerializable(typeof(StatusJson))]
[JsonSerializable(typeof(IntegrationJson))]
[JsonSerializable(typeof(InstallationJson))]
[JsonSerializable(typeof(IReadOnlyList<InstallationJson>))]
[JsonSerializable(typeof(InstallationTokenJson))]
[JsonSerializable(typeof(AccessTokenRequest))]
[JsonSerializable(typeof(InstallationRepositoriesJson))]
[JsonSerializable(typeof(AuthenticatedUserJson))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Pipeline.Rehearsal.GitHub.Rest.Root.RootJson))]
[JsonSerializable(typeof(CombinedStatusJson))]
[JsonSerializable(typeof(IReadOnlyList<StatusJson>))]
[JsonSerializable(typeof(CheckRunRequest))]
[JsonSerializable(typeof(CheckRunJson))]
[JsonSerializable(typeof(CheckRunListJson))]
[JsonSerializable(typeof(ProtectionJson))]
[JsonSerializable(typeof(IReadOnlyList<DiffEntryJson>))]
[JsonSerializable(typeof(ContentDirectoryJson))]
internal sealed partial class GitHubJson : JsonSerializerContext;
