using System.Text.Json;

namespace Pipeline.GitHub.GraphQL;

/// <summary>The JSON body of a GraphQL call.</summary>
internal sealed record GraphQLRequest<TVariables>(string Query, string OperationName, TVariables Variables);

/// <summary>The <c>data</c> of a GraphQL answer (errors are read separately by the error table).</summary>
internal sealed record GraphQLResponse<TData>(TData? Data);

internal sealed record CreateCommitVariables(CreateCommitOnBranchInput Input);

internal sealed record CreateCommitOnBranchInput(CommittableBranch Branch, CommitMessageInput Message, string ExpectedHeadOid, FileChangesInput FileChanges);

internal sealed record CommittableBranch(string RepositoryNameWithOwner, string BranchName);

internal sealed record CommitMessageInput(string Headline, string? Body);

internal sealed record FileChangesInput(IReadOnlyList<FileAdditionInput> Additions, IReadOnlyList<FileDeletionInput> Deletions);

internal sealed record FileAdditionInput(string Path, string Contents);

internal sealed record FileDeletionInput(string Path);

internal sealed record CreateCommitData(CreateCommitPayload? CreateCommitOnBranch);

internal sealed record CreateCommitPayload(CommitNode? Commit);

internal sealed record CommitNode(string Oid, string? Url);

internal sealed record AutoMergeVariables(AutoMergeInput Input);

internal sealed record AutoMergeInput(string PullRequestId, string MergeMethod, string? CommitHeadline, string? CommitBody, string? ExpectedHeadOid);

internal sealed record AutoMergeData(JsonElement? EnablePullRequestAutoMerge);
