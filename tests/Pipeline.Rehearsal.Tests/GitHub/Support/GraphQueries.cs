namespace Pipeline.Rehearsal.Tests.GitHub.Support;

/// <summary>
/// The GraphQL documents the tests send, in one place so that the contract tests can check each against GitHub's
/// published GraphQL schema.
/// </summary>
public static class GraphQueries
{
    public const string ReadFilesAndHead = """
        query Read($owner: String!, $name: String!, $a: String!, $b: String!) {
          repository(owner: $owner, name: $name) {
            dev: object(expression: $a) { ... on Blob { text oid byteSize isBinary } }
            prod: object(expression: $b) { ... on Blob { text oid } }
            missing: object(expression: "main:nope.yaml") { ... on Blob { text } }
            ref(qualifiedName: "refs/heads/main") { name target { oid ... on Commit { committedDate } } }
          }
        }
        """;

    public const string FilesAtHead = """
        query Files($owner: String!, $name: String!, $ref: String!, $p0: String!, $p1: String!) {
          repository(owner: $owner, name: $name) {
            ref(qualifiedName: $ref) {
              target {
                oid
                ... on Commit {
                  f0: file(path: $p0) { oid path object { ... on Blob { text isBinary isTruncated byteSize } } }
                  f1: file(path: $p1) { oid object { ... on Blob { text } } }
                }
              }
            }
          }
        }
        """;

    public const string DefaultBranchHistory = """
        query History($owner: String!, $name: String!, $path: String!) {
          repository(owner: $owner, name: $name) {
            defaultBranchRef {
              name
              target {
                oid
                ... on Commit {
                  dev: history(first: 1, path: $path) { totalCount pageInfo { hasNextPage } nodes { oid message } }
                  all: history(first: 100) { pageInfo { hasNextPage } nodes { oid messageHeadline } }
                }
              }
            }
          }
        }
        """;

    public const string CreateCommitOnBranch = """
        mutation Commit($input: CreateCommitOnBranchInput!) {
          createCommitOnBranch(input: $input) {
            clientMutationId
            commit { oid url signature { isValid state } }
            ref { name target { oid } }
          }
        }
        """;

    public const string EnableAutoMerge = """
        mutation AutoMerge($id: ID!, $method: PullRequestMergeMethod, $headline: String, $body: String, $head: GitObjectID) {
          enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: $method, commitHeadline: $headline, commitBody: $body, expectedHeadOid: $head }) {
            pullRequest { number state autoMergeRequest { mergeMethod enabledAt commitHeadline commitBody enabledBy { login } } }
          }
        }
        """;

    public const string PullRequestsByHead = """
        query Pulls($owner: String!, $name: String!, $head: String!) {
          repository(owner: $owner, name: $name) {
            pullRequests(headRefName: $head, states: [OPEN], first: 5) {
              totalCount
              nodes { id number url state mergeable headRefOid baseRefName labels(first: 10) { nodes { name } } }
            }
          }
        }
        """;

    public const string MergePullRequest = """
        mutation Merge($id: ID!) {
          mergePullRequest(input: { pullRequestId: $id, mergeMethod: MERGE }) { pullRequest { merged mergeCommit { oid } } }
        }
        """;

    public const string ViewerAndDefaultBranch = """
        query { viewer { login } repository(owner: "acme", name: "gitops") { id nameWithOwner defaultBranchRef { name } } }
        """;

    public static readonly IReadOnlyList<(string Name, string Document)> All =
    [
        (nameof(ReadFilesAndHead), ReadFilesAndHead),
        (nameof(FilesAtHead), FilesAtHead),
        (nameof(DefaultBranchHistory), DefaultBranchHistory),
        (nameof(CreateCommitOnBranch), CreateCommitOnBranch),
        (nameof(EnableAutoMerge), EnableAutoMerge),
        (nameof(PullRequestsByHead), PullRequestsByHead),
        (nameof(MergePullRequest), MergePullRequest),
        (nameof(ViewerAndDefaultBranch), ViewerAndDefaultBranch),
    ];
}
