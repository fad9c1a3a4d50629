using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub.Protocol;

/// <summary>The <c>html_url</c> links the server hands out open pages on the server itself.</summary>
public sealed class WebPageTests
{
    private const string R = GitHubFixture.Prefix;

    [Fact]
    public async Task A_pull_request_link_opens_a_page_with_its_state_and_diff()
    {
        await using var f = await GitHubFixture.StartAsync();
        await Branches.CreateWithFileAsync(f, "promote", "env/dev/values.yaml", "image:\n  tag: v2 # pinned\n");
        var pull = await f.Api.PostAsync(R + "/pulls", new { title = "Promote <v2>", head = "promote", @base = "main" });
        using var browser = new HttpClient();

        var url = pull["html_url"];
        var page = await browser.GetAsync(url);
        var html = await page.Content.ReadAsStringAsync();

        url.Should().StartWith(f.Server.BaseUrl.ToString());
        page.IsSuccessStatusCode.Should().BeTrue();
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().Contain("Promote &lt;v2&gt;").And.Contain("Open").And.Contain("env/dev/values.yaml").And.Contain("+  tag: v2 # pinned");
    }

    [Fact]
    public async Task Commit_and_compare_links_open_pages()
    {
        await using var f = await GitHubFixture.StartAsync();
        var sha = await Branches.CreateWithFileAsync(f, "promote", "README.md", "# changed\n");
        var commit = await f.Api.GetAsync(R + "/commits/" + sha);
        var compare = await f.Api.GetAsync(R + "/compare/main...promote");
        using var browser = new HttpClient();

        var commitPage = await browser.GetStringAsync(commit["html_url"]);
        var comparePage = await browser.GetStringAsync(compare["html_url"]);

        commitPage.Should().Contain(sha).And.Contain("Write README.md").And.Contain("+# changed");
        comparePage.Should().Contain("main...promote").And.Contain("+# changed");
        (await browser.GetAsync(f.Server.BaseUrl + "acme/gitops/pull/999")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }
}
