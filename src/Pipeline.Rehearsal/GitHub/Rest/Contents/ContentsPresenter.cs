namespace Pipeline.Rehearsal.GitHub.Rest.Contents;

/// <summary>Builds the contents API shapes for one entry of a tree at a ref.</summary>
internal static class ContentsPresenter
{
    public static ContentItemJson Item(RepositoryState repository, GitTreeEntry entry, string path, string reference, Links links,
        DateTimeOffset now)
    {
        var (self, git, html, download) = Urls(repository, entry, path, reference, links, now);
        var type = Type(entry);
        return new ContentItemJson(type, entry.Size ?? 0, path.Split('/')[^1], path, entry.Sha, self, git, html,
            type == "file" ? download : null, new ContentLinksJson(self, git, html),
            SubmoduleGitUrl: type == "submodule" ? links.CloneUrl(repository.FullName) : null);
    }

    public static ContentFileJson File(RepositoryState repository, GitTreeEntry entry, string path, string reference,
        byte[] content, Links links, DateTimeOffset now)
    {
        var (self, git, html, download) = Urls(repository, entry, path, reference, links, now);
        return new ContentFileJson("file", "base64", content.LongLength, path.Split('/')[^1], path,
            GitData.GitPresenter.Base64Lines(content), entry.Sha, self, git, html, download,
            new ContentLinksJson(self, git, html));
    }

    public static string Type(GitTreeEntry entry) => entry.Mode switch
    {
        "040000" => "dir",
        "160000" => "submodule",
        "120000" => "symlink",
        _ => "file",
    };

    private static (string Self, string Git, string Html, string Download) Urls(RepositoryState repository,
        GitTreeEntry entry, string path, string reference, Links links, DateTimeOffset now)
    {
        var repo = links.Repo(repository.FullName);
        var escaped = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        var kind = entry.Type == "tree" ? "tree" : "blob";
        return (
            repo + "/contents/" + escaped + "?ref=" + Uri.EscapeDataString(reference),
            repo + "/git/" + (entry.Type == "tree" ? "trees/" : "blobs/") + entry.Sha,
            links.RepoHtml(repository.FullName) + "/" + kind + "/" + reference + "/" + escaped,
            RawDownloads.Url(repository, reference, escaped, links, now));
    }
}
