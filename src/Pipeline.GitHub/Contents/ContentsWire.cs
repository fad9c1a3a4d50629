namespace Pipeline.GitHub.Contents;

/// <summary>The JSON of <c>GET /repos/{owner}/{repo}/contents/{path}</c> for a file.</summary>
internal sealed record ContentsFileResponse(string Type, string Path, string Sha, long Size, string? Encoding, string? Content);

/// <summary>The JSON body of <c>PUT /repos/{owner}/{repo}/contents/{path}</c>.</summary>
internal sealed record ContentsPutBody(string Message, string Content, string? Sha, string? Branch, GitIdentity? Committer, GitIdentity? Author);

/// <summary>The JSON answer of a contents write.</summary>
internal sealed record ContentsPutResponse(ContentsPutFile Content, GitObjectRef Commit);

/// <summary>The <c>content</c> object of a contents write answer.</summary>
internal sealed record ContentsPutFile(string Path, string Sha);
