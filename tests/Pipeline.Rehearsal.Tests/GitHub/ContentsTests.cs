using System.Text;
using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub;

public sealed class ContentsTests
{
    private const string R = GitHubFixture.Prefix;

    [Fact]
    public async Task File_content_is_base64_with_a_line_break_every_60_characters_like_GitHub()
    {
        await using var f = await GitHubFixture.StartAsync();
        var text = string.Concat(Enumerable.Range(0, 40).Select(i => $"line {i}: value\n"));
        await Branches.CommitFileAsync(f, "main", "big.txt", text);

        var file = await f.Api.GetAsync(R + "/contents/big.txt");

        file["encoding"].Should().Be("base64");
        var lines = file["content"].Split('\n');
        lines[..^2].Should().OnlyContain(l => l.Length == 60);
        lines[^1].Should().BeEmpty("GitHub ends the content with a line break");
        Encoding.UTF8.GetString(Convert.FromBase64String(file["content"].Replace("\n", "", StringComparison.Ordinal))).Should().Be(text);
        file["sha"].Should().Be(await f.BareGitAsync("rev-parse", "main:big.txt"));
    }

    [Fact]
    public async Task Update_guarded_by_the_blob_sha_rejects_a_stale_or_missing_sha()
    {
        await using var f = await GitHubFixture.StartAsync();
        var current = (await f.Api.GetAsync(R + "/contents/README.md"))["sha"];
        await Branches.CommitFileAsync(f, "main", "README.md", "someone else\n");

        var stale = await f.Api.PutAsync(R + "/contents/README.md", new { message = "mine", content = Base64("mine\n"), sha = current });
        var missing = await f.Api.PutAsync(R + "/contents/README.md", new { message = "mine", content = Base64("mine\n") });

        stale.Status.Should().Be(409);
        stale.Message.Should().Be($"README.md does not match {current}");
        missing.Status.Should().Be(422);
        missing.Message.Should().Be("Invalid request.\n\n\"sha\" wasn't supplied.");
        (await f.BareGitAsync("show", "main:README.md")).Should().Be("someone else");
    }

    [Fact]
    public async Task Create_and_delete_are_commits_that_git_log_sees()
    {
        await using var f = await GitHubFixture.StartAsync();

        var created = await f.Api.PutAsync(R + "/contents/docs/a.md", new { message = "Add a", content = Base64("a\n") });
        var deleted = await f.Api.DeleteAsync(R + "/contents/docs/a.md", new { message = "Remove a", sha = created.Body["content"]!["sha"]!.GetValue<string>() });

        created.Status.Should().Be(201);
        created.Body["commit"]!["verification"]!["reason"]!.GetValue<string>().Should().Be("unsigned");
        deleted.Status.Should().Be(200);
        deleted.Body["content"].Should().BeNull();
        (await f.BareGitAsync("log", "--format=%s", "-2", "main")).Should().Be("Remove a\nAdd a");
    }

    [Fact]
    public async Task Compare_reports_ahead_and_behind_counts()
    {
        await using var f = await GitHubFixture.StartAsync();
        await Branches.CreateWithFileAsync(f, "feature", "a.txt", "a\n");
        await Branches.CommitFileAsync(f, "feature", "b.txt", "b\n");
        await Branches.CommitFileAsync(f, "main", "c.txt", "c\n");

        var diverged = await f.Api.GetAsync(R + "/compare/main...feature");
        var identical = await f.Api.GetAsync(R + "/compare/main...main");

        diverged["status"].Should().Be("diverged");
        diverged.Body["ahead_by"]!.GetValue<int>().Should().Be(2);
        diverged.Body["behind_by"]!.GetValue<int>().Should().Be(1);
        diverged.Body["files"]!.AsArray().Select(x => x!["filename"]!.GetValue<string>()).Should().BeEquivalentTo("a.txt", "b.txt");
        diverged.Body["files"]!.AsArray().Should().OnlyContain(x => x!["additions"]!.GetValue<int>() == 1 && x["status"]!.GetValue<string>() == "added");
        identical["status"].Should().Be("identical");
    }

    [Fact]
    public async Task Directory_listing_and_unknown_paths()
    {
        await using var f = await GitHubFixture.StartAsync();

        var listing = await f.Api.GetAsync(R + "/contents/env");
        var missing = await f.Api.GetAsync(R + "/contents/env/qa/values.yaml");

        listing.Body.AsArray().Select(e => (e!["name"]!.GetValue<string>(), e["type"]!.GetValue<string>()))
            .Should().BeEquivalentTo([("dev", "dir"), ("prod", "dir")]);
        missing.Status.Should().Be(404);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
