namespace Pipeline.Rehearsal.GitHub.Rest.GitData;

/// <summary>Turns git objects into GitHub's JSON shapes.</summary>
internal static class GitPresenter
{
    public static GitUserJson User(GitIdentity identity) =>
        new(identity.Name, identity.Email, Timestamps.Format(identity.When));

    /// <summary>GitHub's <c>verification</c>: a signature by GitHub's web-flow key is valid; any other is an unknown key.</summary>
    public static VerificationJson Verification(RepositoryState repository, GitCommit commit)
    {
        if (commit.Signature is null)
        {
            return new VerificationJson(false, "unsigned", null, null, null);
        }

        return IsSignedByGitHub(repository, commit)
            ? new VerificationJson(true, "valid", commit.Signature, commit.Payload, Timestamps.Format(commit.Committer.When))
            : new VerificationJson(false, "unknown_key", commit.Signature, commit.Payload, null);
    }

    public static bool IsSignedByGitHub(RepositoryState repository, GitCommit commit) =>
        commit is { Signature: { } signature, Payload: { } payload }
        && repository.Signer.Verify(Encoding.UTF8.GetBytes(payload), signature);

    public static GitCommitJson Commit(RepositoryState repository, GitCommit commit, Links links)
    {
        var repo = links.Repo(repository.FullName);
        var html = links.RepoHtml(repository.FullName);
        return new GitCommitJson(
            commit.Sha,
            NodeIds.ForSha("C_kwDO", commit.Sha),
            repo + "/git/commits/" + commit.Sha,
            html + "/commit/" + commit.Sha,
            User(commit.Author),
            User(commit.Committer),
            new ShaUrlJson(commit.Tree, repo + "/git/trees/" + commit.Tree),
            commit.Message,
            commit.Parents.Select(p => new ParentJson(p, repo + "/git/commits/" + p, html + "/commit/" + p)).ToList(),
            Verification(repository, commit));
    }

    public static GitRefJson Ref(RepositoryState repository, GitRef reference, Links links)
    {
        var repo = links.Repo(repository.FullName);
        var objectUrl = repo + "/git/" + reference.ObjectType + "s/" + reference.Sha;
        return new GitRefJson(reference.Name, NodeIds.ForSha("REF_kwDO", repository.Id + reference.Name),
            repo + "/git/" + reference.Name, new GitRefObjectJson(reference.ObjectType, reference.Sha, objectUrl));
    }

    public static GitTreeItemJson TreeItem(RepositoryState repository, GitTreeEntry entry, Links links)
    {
        var repo = links.Repo(repository.FullName);
        var url = entry.Type switch
        {
            "blob" => repo + "/git/blobs/" + entry.Sha,
            "tree" => repo + "/git/trees/" + entry.Sha,
            _ => "",
        };
        return new GitTreeItemJson(entry.Path, entry.Mode, entry.Type, entry.Sha, entry.Type == "blob" ? entry.Size : null, url);
    }

    /// <summary>Base64 as GitHub sends file content: a line break after every 60 characters, and at the end.</summary>
    public static string Base64Lines(byte[] content)
    {
        var base64 = Convert.ToBase64String(content);
        var text = new StringBuilder(base64.Length + base64.Length / 60 + 1);
        for (var i = 0; i < base64.Length; i += 60)
        {
            text.Append(base64, i, Math.Min(60, base64.Length - i)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Decodes base64 the way GitHub accepts it: whitespace and line breaks are ignored.</summary>
    public static byte[]? FromBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(string.Concat(text.Where(c => !char.IsWhiteSpace(c))));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
