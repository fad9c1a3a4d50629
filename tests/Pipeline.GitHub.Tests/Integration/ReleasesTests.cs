using Pipeline.GitHub.Releases;
using Pipeline.GitHub.Tests.Support;

namespace Pipeline.GitHub.Tests.Integration;

/// <summary>Releases through the client against the local server: create, find by tag, upload assets to the upload address.</summary>
public sealed class ReleasesTests(ServerFixture github) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_release_is_created_found_by_its_tag_and_gets_assets_on_its_upload_address()
    {
        var repository = await github.NewRepositoryAsync();
        using var client = github.Client();
        var binary = "\u007fELF pipeline binary"u8.ToArray();

        var release = await client.Releases.CreateAsync(repository, new NewRelease("v1.4.0") { Name = "1.4.0", Body = "notes", Prerelease = true });
        var asset = await client.Releases.UploadAssetAsync(release, "pipeline-linux-x64", "application/octet-stream", binary);
        var found = await client.Releases.GetByTagAsync(repository, "v1.4.0");

        release.TagName.Should().Be("v1.4.0");
        release.UploadUrl.Should().Contain("/uploads/repos/").And.EndWith("/assets{?name,label}");
        (asset.Name, asset.Size, asset.ContentType).Should().Be(("pipeline-linux-x64", binary.Length, "application/octet-stream"));
        found!.Assets.Should().ContainSingle().Which.Name.Should().Be("pipeline-linux-x64");
        using var http = new HttpClient();
        using var download = new HttpRequestMessage(HttpMethod.Get, asset.BrowserDownloadUrl);
        download.Headers.Authorization = new("Bearer", github.UserToken.Reveal());
        using var response = await http.SendAsync(download);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(binary);
        github.RequestsFor(repository).Should().Contain(r => r.Path.Contains("/uploads/repos/", StringComparison.Ordinal) && r.Method == "POST");
    }

    [Fact]
    public async Task A_tag_without_a_release_is_null_and_a_second_release_or_asset_of_the_same_name_is_refused()
    {
        var repository = await github.NewRepositoryAsync();
        using var client = github.Client();

        (await client.Releases.GetByTagAsync(repository, "v9.9.9")).Should().BeNull();
        var release = await client.Releases.CreateAsync(repository, new NewRelease("v2.0.0"));
        await client.Releases.UploadAssetAsync(release, "a.txt", "text/plain", "a"u8.ToArray());

        await FluentActions.Invoking(() => client.Releases.CreateAsync(repository, new NewRelease("v2.0.0"))).Should().ThrowAsync<GitHubException>().WithMessage("*already_exists*");
        await FluentActions.Invoking(() => client.Releases.UploadAssetAsync(release, "a.txt", "text/plain", "b"u8.ToArray())).Should().ThrowAsync<GitHubException>().WithMessage("*already_exists*");
    }
}
