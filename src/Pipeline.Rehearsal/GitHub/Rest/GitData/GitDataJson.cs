namespace Pipeline.Rehearsal.GitHub.Rest.GitData;

/// <summary>A name, email and date in a commit (<c>git-user</c>).</summary>
internal sealed record GitUserJson(string Name, string Email, string Date);

/// <summary>A link to an object by sha.</summary>
internal sealed record ShaUrlJson(string Sha, string Url);

/// <summary>A parent link of a commit.</summary>
internal sealed record ParentJson(string Sha, string Url, string HtmlUrl);

/// <summary>GitHub's signature verification of a commit.</summary>
internal sealed record VerificationJson(bool Verified, string Reason, string? Signature, string? Payload, string? VerifiedAt);

/// <summary>GitHub's <c>git-commit</c>.</summary>
internal sealed record GitCommitJson(
    string Sha,
    string NodeId,
    string Url,
    string HtmlUrl,
    GitUserJson Author,
    GitUserJson Committer,
    ShaUrlJson Tree,
    string Message,
    IReadOnlyList<ParentJson> Parents,
    VerificationJson Verification);

/// <summary>GitHub's <c>git-ref</c>.</summary>
internal sealed record GitRefJson(string Ref, string NodeId, string Url, GitRefObjectJson Object);

/// <summary>The object a reference points at.</summary>
internal sealed record GitRefObjectJson(string Type, string Sha, string Url);

/// <summary>GitHub's <c>short-blob</c>.</summary>
internal sealed record ShortBlobJson(string Url, string Sha);

/// <summary>GitHub's <c>blob</c>.</summary>
internal sealed record BlobJson(string Sha, string NodeId, long Size, string Url, string Content, string Encoding);

/// <summary>GitHub's <c>git-tree</c>.</summary>
internal sealed record GitTreeJson(string Sha, string Url, IReadOnlyList<GitTreeItemJson> Tree, bool Truncated);

/// <summary>One entry of a <c>git-tree</c>; blobs carry a size.</summary>
internal sealed record GitTreeItemJson(
    string Path,
    string Mode,
    string Type,
    string Sha,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    long? Size,
    string Url);

/// <summary>Body of <c>POST /repos/{owner}/{repo}/git/blobs</c>.</summary>
internal sealed record CreateBlobRequest(string? Content, string? Encoding);

/// <summary>Body of <c>POST /repos/{owner}/{repo}/git/trees</c>.</summary>
internal sealed record CreateTreeRequest(string? BaseTree, IReadOnlyList<TreeItemRequest>? Tree);

/// <summary>One entry of a tree to create: an object by <c>sha</c>, new blob <c>content</c>, or removal (sha null).</summary>
internal sealed record TreeItemRequest(string? Path, string? Mode, string? Type, string? Sha, string? Content);

/// <summary>Body of <c>POST /repos/{owner}/{repo}/git/commits</c>.</summary>
internal sealed record CreateCommitRequest(
    string? Message,
    string? Tree,
    IReadOnlyList<string>? Parents,
    GitUserRequest? Author,
    GitUserRequest? Committer,
    string? Signature);

/// <summary>An author or committer given in a request.</summary>
internal sealed record GitUserRequest(string? Name, string? Email, DateTimeOffset? Date);

/// <summary>Body of <c>POST /repos/{owner}/{repo}/git/refs</c>.</summary>
internal sealed record CreateRefRequest(string? Ref, string? Sha);

/// <summary>Body of <c>PATCH /repos/{owner}/{repo}/git/refs/{ref}</c>.</summary>
internal sealed record UpdateRefRequest(string? Sha, bool? Force);
