using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Pipeline.GitHub.Apps;
using Pipeline.GitHub.Contents;
using Pipeline.GitHub.Dispatches;
using Pipeline.GitHub.Git;
using Pipeline.GitHub.PullRequests;
using Pipeline.GitHub.Releases;

namespace Pipeline.GitHub.Json;

/// <summary>Source-generated JSON metadata for the REST API (snake_case, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(TreeChangeConverter)])]
[JsonSerializable(typeof(Repository))]
[JsonSerializable(typeof(ReleaseCreateBody))]
[JsonSerializable(typeof(Release))]
[JsonSerializable(typeof(ReleaseAsset))]
[JsonSerializable(typeof(Branch))]
[JsonSerializable(typeof(CommitComparison))]
[JsonSerializable(typeof(List<RepositoryCommit>))]
[JsonSerializable(typeof(ContentsFileResponse))]
[JsonSerializable(typeof(ContentsPutBody))]
[JsonSerializable(typeof(ContentsPutResponse))]
[JsonSerializable(typeof(GitObjectRef))]
[JsonSerializable(typeof(BlobCreateBody))]
[JsonSerializable(typeof(BlobResponse))]
[JsonSerializable(typeof(GitTree))]
[JsonSerializable(typeof(TreeCreateBody))]
[JsonSerializable(typeof(GitCommit))]
[JsonSerializable(typeof(CommitCreateBody))]
[JsonSerializable(typeof(GitReference))]
[JsonSerializable(typeof(RefCreateBody))]
[JsonSerializable(typeof(RefUpdateBody))]
[JsonSerializable(typeof(PullRequest))]
[JsonSerializable(typeof(List<PullRequest>))]
[JsonSerializable(typeof(PullRequestCreateBody))]
[JsonSerializable(typeof(PullRequestUpdateBody))]
[JsonSerializable(typeof(MergeBody))]
[JsonSerializable(typeof(MergeResult))]
[JsonSerializable(typeof(LabelsBody))]
[JsonSerializable(typeof(List<Label>))]
[JsonSerializable(typeof(CommentBody))]
[JsonSerializable(typeof(IssueComment))]
[JsonSerializable(typeof(List<IssueComment>))]
[JsonSerializable(typeof(DispatchBody))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(Installation))]
[JsonSerializable(typeof(InstallationTokenBody))]
[JsonSerializable(typeof(InstallationTokenResponse))]
internal sealed partial class GitHubJsonContext : JsonSerializerContext;
