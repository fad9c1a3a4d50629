using Pipeline.GitHub.Http;
using Pipeline.GitHub.Json;

namespace Pipeline.GitHub.Releases;

internal sealed record ReleaseCreateBody(string TagName, string? Name, string? Body, string? TargetCommitish, bool Draft, bool Prerelease);

internal sealed class ReleasesClient(GitHubConnection connection) : IReleasesClient
{
    public Task<Release> CreateAsync(RepositoryId repository, NewRelease release, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(release);
        var body = new ReleaseCreateBody(release.TagName, release.Name, release.Body, release.TargetCommitish, release.Draft, release.Prerelease);
        return connection.SendAsync(new GitHubRequest(HttpMethod.Post, GitHubPaths.Repo(repository, "/releases"))
        {
            Body = GitHubConnection.Serialize(body, GitHubJsonContext.Default.ReleaseCreateBody),
        }, GitHubJsonContext.Default.Release, cancellationToken);
    }

    public async Task<Release?> GetByTagAsync(RepositoryId repository, string tag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        try
        {
            return await connection.SendAsync(new GitHubRequest(HttpMethod.Get, GitHubPaths.Repo(repository, "/releases/tags/" + Uri.EscapeDataString(tag))),
                GitHubJsonContext.Default.Release, cancellationToken).ConfigureAwait(false);
        }
        catch (GitHubNotFoundException)
        {
            return null;
        }
    }

    public Task<ReleaseAsset> UploadAssetAsync(Release release, string name, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var template = release.UploadUrl;
        var brace = template.IndexOf('{', StringComparison.Ordinal);
        var address = new Uri((brace < 0 ? template : template[..brace]) + "?name=" + Uri.EscapeDataString(name));
        return connection.SendAsync(new GitHubRequest(HttpMethod.Post, address.AbsolutePath)
        {
            AbsoluteUri = address,
            Body = content.ToArray(),
            ContentType = contentType,
            Retry = RetryMode.UnlessProcessed,
        }, GitHubJsonContext.Default.ReleaseAsset, cancellationToken);
    }
}
