using System.Security.Cryptography;

namespace Pipeline.Rehearsal.Tests.GitHub.Support;

/// <summary>Registers and installs a GitHub App on the fixture's owner and mints an installation token.</summary>
public static class AppTokens
{
    public const long AppId = 4711;
    public const string Slug = "promoter";

    /// <summary>An API client authenticated with a fresh installation token of the App (registered on first use).</summary>
    public static async Task<ApiClient> InstallationApiAsync(GitHubFixture f, IReadOnlyDictionary<string, string>? permissions = null)
    {
        using var key = RSA.Create(2048);
        var app = f.Server.RegisterApp(AppId + Random.Shared.Next(1, 100000), "Iv23" + Guid.NewGuid().ToString("N")[..8], key,
            Slug + "-" + Guid.NewGuid().ToString("N")[..6]);
        var installation = f.Server.InstallApp(app.Id, GitHubFixture.Owner, permissions: permissions);
        using var jwt = new ApiClient(f.Server.ApiUrl, TestJwt.Valid(key, app.Id, f.Server.Clock.GetUtcNow()), "Bearer");
        var token = await jwt.PostAsync($"app/installations/{installation}/access_tokens", new { });
        token.Status.Should().Be(201, token.Text);
        return new ApiClient(f.Server.ApiUrl, token["token"]);
    }
}
