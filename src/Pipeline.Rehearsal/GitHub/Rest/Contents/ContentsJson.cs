using System.Text.Json.Serialization;
using Pipeline.Rehearsal.GitHub.Rest.GitData;

namespace Pipeline.Rehearsal.GitHub.Rest.Contents;

/// <summary>GitHub's <c>content-file</c>: a file with its base64 content.</summary>
internal sealed record ContentFileJson(
    string Type,
    string Encoding,
    long Size,
    string Name,
    string Path,
    string Content,
    string Sha,
    string Url,
    string GitUrl,
    string HtmlUrl,
    string DownloadUrl,
    [property: JsonPropertyName("_links")] ContentLinksJson Links);

/// <summary>An entry of a directory listing, or the <c>content</c> of a <c>file-commit</c>.</summary>
internal sealed record ContentItemJson(
    string Type,
    long Size,
    string Name,
    string Path,
    string Sha,
    string Url,
    string GitUrl,
    string HtmlUrl,
    string? DownloadUrl,
    [property: JsonPropertyName("_links")] ContentLinksJson Links,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Target = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SubmoduleGitUrl = null);

/// <summary>GitHub's <c>content-directory</c> object (the <c>object</c> media type of a folder).</summary>
internal sealed record ContentDirectoryJson(
    string Type,
    long Size,
    string Name,
    string Path,
    string Sha,
    string Url,
    string GitUrl,
    string HtmlUrl,
    string? DownloadUrl,
    [property: JsonPropertyName("_links")] ContentLinksJson Links,
    IReadOnlyList<ContentItemJson> Entries);

/// <summary>The links of a content entry.</summary>
internal sealed record ContentLinksJson(string Self, string Git, string Html);

/// <summary>GitHub's <c>file-commit</c>: the written file (null after a delete) and the commit.</summary>
internal sealed record FileCommitJson(ContentItemJson? Content, GitCommitJson Commit);

/// <summary>Body of <c>PUT</c> and <c>DELETE /repos/{owner}/{repo}/contents/{path}</c>.</summary>
internal sealed record FileWriteRequest(
    string? Message,
    string? Content,
    string? Sha,
    string? Branch,
    GitUserRequest? Committer,
    GitUserRequest? Author);
