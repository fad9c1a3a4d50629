using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pipeline.GitHub.Tests.Support;

/// <summary>
/// A loopback HTTP server that answers with GitHub's recorded responses (<c>TestData/Recorded</c>), one scripted
/// answer per path, and records which requests carried an Authorization header. Reachable as
/// <c>127.0.0.1</c> and as <c>localhost</c>: two hosts, for cross-host redirects.
/// </summary>
public sealed class RecordedGitHubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _answers = new(StringComparer.Ordinal);

    private RecordedGitHubServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>The same server under another host name.</summary>
    public Uri OtherHostUrl => new UriBuilder(Url) { Host = "localhost" }.Uri;

    /// <summary>Every request: host, path and whether it carried credentials.</summary>
    public ConcurrentQueue<(string Host, string Path, bool Authorized)> Requests { get; } = new();

    public static JsonNode Recording(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Recorded", name)))!;

    public static async Task<RecordedGitHubServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new RecordedGitHubServer(app);
        app.Run(context =>
        {
            server.Requests.Enqueue((context.Request.Host.Host, context.Request.Path.Value ?? "", context.Request.Headers.Authorization.Count > 0));
            if (server._answers.TryGetValue(context.Request.Path.Value ?? "", out var answer))
            {
                return answer(context);
            }

            context.Response.StatusCode = 404;
            return context.Response.WriteAsJsonAsync(new { message = "Not Found", documentation_url = "https://docs.github.com/rest" });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Answers <paramref name="path"/> with a status, an optional Location and a JSON body.</summary>
    public void Answer(string path, int status, JsonNode? body, Uri? location = null, bool requiresAuthorization = false) =>
        _answers[path] = context =>
        {
            if (requiresAuthorization && context.Request.Headers.Authorization.Count == 0)
            {
                // A private repository is "Not Found" to a caller without credentials.
                context.Response.StatusCode = 404;
                return context.Response.WriteAsync(Recording("redirects-and-folders.json")["notFound"]!.ToJsonString());
            }

            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            if (location is not null)
            {
                context.Response.Headers.Location = location.ToString();
            }

            return body is null ? Task.CompletedTask : context.Response.WriteAsync(body.ToJsonString());
        };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
