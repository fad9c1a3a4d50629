using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Rehearsal.GitHub.Rest.Releases;

/// <summary>
/// Releases as GitHub serves them: <c>POST /repos/{o}/{r}/releases</c> (a tag that has a release already: 422
/// <c>already_exists</c>), <c>GET .../releases/tags/{tag}</c>, <c>GET .../releases/{id}/assets</c>, and asset uploads on the
/// upload address each release names in <c>upload_url</c> (GitHub's uploads host; here <c>/uploads/repos/...</c> on the
/// server, as GitHub Enterprise serves them under <c>/api/uploads</c>): <c>POST ...?name=</c> with the raw bytes and
/// their <c>Content-Type</c>; a name already taken is 422. Uploaded assets are served back at <c>browser_download_url</c>.
/// </summary>
internal static class ReleaseEndpoints
{
    private const string Docs = "https://docs.github.com/rest/releases/releases";
    private const string AssetDocs = "https://docs.github.com/rest/releases/assets#upload-a-release-asset";

    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        var store = new ReleaseStore();

        routes.MapPost("/repos/{owner}/{repo}/releases", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Write, Docs);
            var body = await context.ReadJsonAsync(GitHubJson.Default.JsonElement);
            var tag = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("tag_name", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
            if (tag.Length == 0)
            {
                throw ApiErrorException.Validation(Docs, new ValidationErrorItem("Release", "missing_field", "tag_name"));
            }

            if (store.Releases.Values.Any(r => r.Owner == repository.Owner.Login && r.Repository == repository.Name && r.TagName == tag))
            {
                throw ApiErrorException.Validation(Docs, new ValidationErrorItem("Release", "already_exists", "tag_name"));
            }

            string Text(string name, string fallback) => body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : fallback;
            bool Flag(string name) => body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
            var release = new StoredRelease(store.NextId(), repository.Owner.Login, repository.Name, tag, Text("name", tag), Text("body", ""),
                Flag("draft"), Flag("prerelease"), Text("target_commitish", repository.DefaultBranch), state.Now, context.Principal().Actor?.Login ?? "web-flow");
            store.Releases[release.Id] = release;
            var presented = Present(context, state, release);
            context.Response.Headers.Location = presented["url"]!.GetValue<string>();
            await context.WriteJsonAsync(StatusCodes.Status201Created, presented, ReleasesJson.Default.JsonObject);
        });

        routes.MapGet("/repos/{owner}/{repo}/releases/tags/{tag}", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Read, Docs);
            var release = store.Releases.Values.FirstOrDefault(r => r.Owner == repository.Owner.Login && r.Repository == repository.Name && r.TagName == context.Route("tag"))
                ?? throw ApiErrorException.NotFound(Docs);
            await context.WriteJsonAsync(Present(context, state, release), ReleasesJson.Default.JsonObject);
        });

        routes.MapGet("/repos/{owner}/{repo}/releases/{id:long}/assets", async context =>
        {
            var release = Find(context, state, store, Access.Read);
            var list = new JsonArray([.. release.Assets.Values.OrderBy(a => a.Id).Select(a => (JsonNode)PresentAsset(context, state, release, a))]);
            await context.WriteJsonAsync(list, ReleasesJson.Default.JsonArray);
        });

        routes.MapPost("/uploads/repos/{owner}/{repo}/releases/{id:long}/assets", async context =>
        {
            var release = Find(context, state, store, Access.Write);
            var name = context.Query("name");
            if (string.IsNullOrEmpty(name))
            {
                throw ApiErrorException.Validation(AssetDocs, new ValidationErrorItem("ReleaseAsset", "missing_field", "name"));
            }

            var contentType = context.Request.ContentType;
            if (string.IsNullOrEmpty(contentType))
            {
                throw ApiErrorException.Unprocessable("Bad Content-Type header value: the upload needs the asset's media type.", AssetDocs);
            }

            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            if (buffer.Length == 0)
            {
                throw ApiErrorException.Unprocessable("An asset must not be empty.", AssetDocs);
            }

            var asset = new StoredAsset(store.NextId(), name, context.Query("label"), contentType, buffer.ToArray(), context.Principal().Actor?.Login ?? "web-flow", state.Now);
            if (!release.Assets.TryAdd(name, asset))
            {
                throw ApiErrorException.Validation(AssetDocs, new ValidationErrorItem("ReleaseAsset", "already_exists", "name"));
            }

            await context.WriteJsonAsync(StatusCodes.Status201Created, PresentAsset(context, state, release, asset), ReleasesJson.Default.JsonObject);
        });

        routes.MapGet("/downloads/{owner}/{repo}/releases/{id:long}/{name}", async context =>
        {
            var release = Find(context, state, store, Access.Read);
            var asset = release.Assets.GetValueOrDefault(context.Route("name")) ?? throw ApiErrorException.NotFound(AssetDocs);
            context.Response.ContentType = asset.ContentType;
            await context.Response.Body.WriteAsync(asset.Content);
        });
    }

    private static StoredRelease Find(HttpContext context, GitHubState state, ReleaseStore store, string access)
    {
        var repository = context.Repository(state, "contents", access, Docs);
        return store.Releases.TryGetValue(long.Parse(context.Route("id"), System.Globalization.CultureInfo.InvariantCulture), out var release)
               && release.Owner == repository.Owner.Login && release.Repository == repository.Name
            ? release
            : throw ApiErrorException.NotFound(Docs);
    }

    private static string Base(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/";

    private static JsonObject Present(HttpContext context, GitHubState state, StoredRelease release)
    {
        var api = Base(context);
        var repository = $"{api}repos/{release.Owner}/{release.Repository}";
        var created = Timestamps.Format(release.CreatedAt);
        return new JsonObject
        {
            ["id"] = release.Id,
            ["node_id"] = NodeIds.For("RE_kwDO", release.Id),
            ["tag_name"] = release.TagName,
            ["name"] = release.Name,
            ["body"] = release.Body,
            ["draft"] = release.Draft,
            ["prerelease"] = release.Prerelease,
            ["target_commitish"] = release.TargetCommitish,
            ["author"] = User(context, state, release.Author),
            ["created_at"] = created,
            ["published_at"] = release.Draft ? null : created,
            ["url"] = $"{repository}/releases/{release.Id}",
            ["assets_url"] = $"{repository}/releases/{release.Id}/assets",
            ["upload_url"] = $"{api}uploads/repos/{release.Owner}/{release.Repository}/releases/{release.Id}/assets{{?name,label}}",
            ["html_url"] = $"{context.Links().Web}{release.Owner}/{release.Repository}/releases/tag/{Uri.EscapeDataString(release.TagName)}",
            ["tarball_url"] = $"{repository}/tarball/{Uri.EscapeDataString(release.TagName)}",
            ["zipball_url"] = $"{repository}/zipball/{Uri.EscapeDataString(release.TagName)}",
            ["assets"] = new JsonArray([.. release.Assets.Values.OrderBy(a => a.Id).Select(a => (JsonNode)PresentAsset(context, state, release, a))]),
        };
    }

    private static JsonObject PresentAsset(HttpContext context, GitHubState state, StoredRelease release, StoredAsset asset) => new()
    {
        ["id"] = asset.Id,
        ["node_id"] = NodeIds.For("RA_kwDO", asset.Id),
        ["url"] = $"{Base(context)}repos/{release.Owner}/{release.Repository}/releases/assets/{asset.Id}",
        ["name"] = asset.Name,
        ["label"] = asset.Label,
        ["content_type"] = asset.ContentType,
        ["size"] = asset.Content.Length,
        ["digest"] = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(asset.Content)),
        ["state"] = "uploaded",
        ["download_count"] = 0,
        ["created_at"] = Timestamps.Format(asset.CreatedAt),
        ["updated_at"] = Timestamps.Format(asset.CreatedAt),
        ["uploader"] = User(context, state, asset.Uploader),
        ["browser_download_url"] = $"{Base(context)}downloads/{release.Owner}/{release.Repository}/releases/{release.Id}/{Uri.EscapeDataString(asset.Name)}",
    };

    /// <summary>The account as GitHub's <c>simple-user</c> (the App's bot for an installation token).</summary>
    private static JsonNode? User(HttpContext context, GitHubState state, string login) =>
        JsonSerializer.SerializeToNode(Repositories.UserJson.From(state.FindAccount(login) ?? state.Account("web-flow"), context.Links()), GitHubJson.Default.UserJson);
}
