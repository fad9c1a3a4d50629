using System.Text;

namespace Pipeline.Rehearsal.Tests.GitHub.Support;

/// <summary>Makes branches with commits through the contents API.</summary>
public static class Branches
{
    /// <summary>Creates <paramref name="branch"/> from main and commits <paramref name="content"/> to <paramref name="path"/> on it.</summary>
    public static async Task<string> CreateWithFileAsync(GitHubFixture f, string branch, string path, string content, string from = "main")
    {
        var @base = await f.HeadAsync(from);
        (await f.Api.PostAsync($"{GitHubFixture.Prefix}/git/refs", new { @ref = "refs/heads/" + branch, sha = @base })).Status.Should().Be(201);
        return await CommitFileAsync(f, branch, path, content);
    }

    public static async Task<string> CommitFileAsync(GitHubFixture f, string branch, string path, string content)
    {
        var existing = await f.Api.GetAsync($"{GitHubFixture.Prefix}/contents/{path}?ref={branch}");
        var put = await f.Api.PutAsync($"{GitHubFixture.Prefix}/contents/{path}", new
        {
            message = $"Write {path}",
            content = Convert.ToBase64String(Encoding.UTF8.GetBytes(content)),
            branch,
            sha = existing.Status == 200 ? existing["sha"] : null,
        });
        put.Status.Should().BeOneOf([200, 201], put.Text);
        return put.Body["commit"]!["sha"]!.GetValue<string>();
    }
}
