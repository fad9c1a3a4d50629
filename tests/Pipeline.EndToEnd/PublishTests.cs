using System.Net.Http.Headers;
using System.Text.Json;
using Pipeline.Rehearsal.GitHub;

namespace Pipeline.EndToEnd;

/// <summary>
/// <c>./build.sh Publish</c> from the packed clone, as the release workflow runs it: the packages pushed to a folder
/// feed (NUGET_SOURCE), from which <c>dotnet tool install</c> then installs the tool, and the release of the version's
/// tag created on the local GitHub server with the binaries attached, read back through the server. A second run
/// changes nothing.
/// </summary>
[Collection(PackedRepositoryCollection.Name)]
public sealed class PublishTests(PackedRepository packed) : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("pipeline-publish-").FullName;
    private LocalGitHubServer _github = null!;

    public async Task InitializeAsync()
    {
        _github = await LocalGitHubServer.StartAsync();
        await _github.CreateRepositoryAsync("example", "pipeline");
    }

    [Fact]
    public async Task Publish_pushes_the_packages_to_a_folder_feed_and_attaches_the_binaries_to_the_release()
    {
        packed.TagPack.ExitCode.Should().Be(0, packed.TagPack.All);
        packed.ToolImageContext.ExitCode.Should().Be(0, packed.ToolImageContext.All);
        var feed = Directory.CreateDirectory(Path.Combine(_work, "feed")).FullName;
        var token = _github.IssuePersonalToken("example");
        var environment = new Dictionary<string, string?> { ["NUGET_SOURCE"] = feed, ["RELEASE_TOKEN"] = token };
        // Pack and Binaries already ran in the clone: Publish takes what they left in artifacts/.
        string[] publish = ["Publish", "--skip", "Pack", "Binaries", "--release-repository", "example/pipeline", "--github-api-url", _github.ApiUrl.ToString()];

        var first = RepositoryClone.Run(Path.Combine(packed.Clone.Root, "build.sh"), publish, packed.Clone.Root, environment);

        first.ExitCode.Should().Be(0, first.All);
        first.All.Should().NotContain(token, "the release token is a secret");
        // A folder feed keeps NuGet's layout: <id>/<version>/<id>.<version>.nupkg, in lower case.
        var packages = Directory.GetFiles(packed.Feed, "*.nupkg").Select(p => Path.GetFileName(p).ToLowerInvariant()).ToList();
        Directory.GetFiles(feed, "*.nupkg", SearchOption.AllDirectories).Select(p => Path.GetFileName(p).ToLowerInvariant()).Should().BeEquivalentTo(packages);

        var release = await ReleaseAsync(token);
        release.GetProperty("tag_name").GetString().Should().Be("v" + packed.TagVersion);
        release.GetProperty("prerelease").GetBoolean().Should().BeTrue("a version with a suffix is a prerelease");
        var assets = release.GetProperty("assets").EnumerateArray().ToList();
        assets.Select(a => a.GetProperty("name").GetString()).Should().BeEquivalentTo("pipeline-linux-x64", "pipeline-linux-arm64");
        using var http = Client(token);
        foreach (var asset in assets)
        {
            var bytes = await http.GetByteArrayAsync(asset.GetProperty("browser_download_url").GetString());
            bytes.Should().Equal(await File.ReadAllBytesAsync(Path.Combine(packed.Binaries, asset.GetProperty("name").GetString()!)), "the asset is the binary Binaries made");
        }

        var second = RepositoryClone.Run(Path.Combine(packed.Clone.Root, "build.sh"), publish, packed.Clone.Root, environment);
        second.ExitCode.Should().Be(0, second.All);
        (await ReleaseAsync(token)).GetProperty("assets").GetArrayLength().Should().Be(2, "a second run attaches nothing twice");
        Directory.GetFiles(feed, "*.nupkg", SearchOption.AllDirectories).Should().HaveCount(packages.Count);

        // Only the folder feed is a source, and the package cache is new: the tool can only come from what Publish pushed.
        File.WriteAllText(Path.Combine(_work, "nuget.config"), $"""
            <configuration><packageSources><clear /><add key="published" value="{feed}" /></packageSources></configuration>
            """);
        var tools = Path.Combine(_work, "tools");
        var install = RepositoryClone.Run("dotnet", ["tool", "install", "Pipeline.Tool", "--version", packed.TagVersion, "--tool-path", tools, "--configfile", Path.Combine(_work, "nuget.config")],
            _work, new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(_work, "packages") });
        install.ExitCode.Should().Be(0, install.All);
        RepositoryClone.Run(Path.Combine(tools, "pipeline"), ["--version"], _work).Output.Trim().Should().Be(packed.TagVersion);
    }

    private async Task<JsonElement> ReleaseAsync(string token)
    {
        using var http = Client(token);
        var json = await http.GetStringAsync(new Uri(_github.ApiUrl, $"repos/example/pipeline/releases/tags/v{packed.TagVersion}"));
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static HttpClient Client(string token)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("pipeline-publish-test");
        return http;
    }

    public async Task DisposeAsync()
    {
        await _github.DisposeAsync();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
