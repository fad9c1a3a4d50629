namespace Pipeline.GitHub.Releases;

/// <summary>Releases and their assets: what a publishing build needs.</summary>
public interface IReleasesClient
{
    /// <summary>Creates a release (and its tag, at <see cref="NewRelease.TargetCommitish"/>, when the tag does not exist).</summary>
    /// <exception cref="GitHubValidationException">The tag has a release already (<c>already_exists</c>).</exception>
    Task<Release> CreateAsync(RepositoryId repository, NewRelease release, CancellationToken cancellationToken = default);

    /// <summary>The release of a tag, or null when the tag has none.</summary>
    Task<Release?> GetByTagAsync(RepositoryId repository, string tag, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads an asset to the release's <see cref="Release.UploadUrl"/>: GitHub's uploads host, not the API's, as GitHub
    /// documents; the URL template's <c>{?name,label}</c> is filled in.
    /// </summary>
    Task<ReleaseAsset> UploadAssetAsync(Release release, string name, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);
}

/// <summary>A release to create.</summary>
/// <param name="TagName">The tag, e.g. <c>v1.4.0</c>.</param>
public sealed record NewRelease(string TagName)
{
    /// <summary>The title; the tag when null.</summary>
    public string? Name { get; init; }

    /// <summary>The notes (Markdown).</summary>
    public string? Body { get; init; }

    /// <summary>The branch or commit the tag is created at when it does not exist.</summary>
    public string? TargetCommitish { get; init; }

    /// <summary>Whether the release is a draft.</summary>
    public bool Draft { get; init; }

    /// <summary>Whether the release is a pre-release.</summary>
    public bool Prerelease { get; init; }
}

/// <summary>A release.</summary>
/// <param name="Id">Its ID.</param>
/// <param name="TagName">Its tag.</param>
/// <param name="Name">Its title.</param>
/// <param name="HtmlUrl">Its page.</param>
/// <param name="UploadUrl">The upload URL template, <c>https://uploads.github.com/repos/o/r/releases/1/assets{?name,label}</c>.</param>
/// <param name="Assets">Its assets.</param>
public sealed record Release(long Id, string TagName, string? Name, string? HtmlUrl, string UploadUrl, IReadOnlyList<ReleaseAsset> Assets);

/// <summary>An asset of a release.</summary>
/// <param name="Id">Its ID.</param>
/// <param name="Name">Its file name.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="BrowserDownloadUrl">Where it is downloaded from.</param>
public sealed record ReleaseAsset(long Id, string Name, string ContentType, long Size, string BrowserDownloadUrl);
