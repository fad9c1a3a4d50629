using System.Net;
using System.Text;
using System.Text.Json;
using Pipeline.Containers;
using Pipeline.GitHub;
using Pipeline.Promotion;
using Pipeline.Targets;

namespace Pipeline.Components.Tests.Secrets;

/// <summary>
/// A build whose targets each talk to one outside party (the echo server) with the token and report the failure as
/// targets do: a log line, the step summary, a CI output. The last target writes every form of the token straight
/// into the build's own writers (log, summary, outputs, report, an artifact), so those are tested without help.
/// </summary>
internal sealed class LeakBuild : PipelineBuild
{
#pragma warning disable CS0649 // set by the engine from TOKEN and ECHO_PORT
    [Parameter("The token every party is called with.")]
    [Secret]
    public readonly string? Token;

    [Parameter("The echo server's port.")]
    public readonly int EchoPort;
#pragma warning restore CS0649

    /// <summary>Every exception the layers raised, whole (<see cref="Exception.ToString"/>: inner exceptions and data too).</summary>
    public List<string> Exceptions { get; } = [];

    private string Echo => $"127.0.0.1:{EchoPort}";

    private Secret Credential => new(Token!);

    public Target GitHubApi => _ => _.Executes(async context =>
    {
        var options = new GitHubClientOptions(GitHubEndpoint.FromApiUrl(new Uri($"http://{Echo}/")), GitHubToken.PersonalAccessToken(Credential)) { Retry = RetryOptions.None };
        using var client = new GitHubClient(options);
        await Report(context, "GitHubApi", () => client.Repositories.GetAsync(new RepositoryId("org", "repo"), context.CancellationToken));
    });

    public Target GitStderr => _ => _.DependsOn(GitHubApi).Executes(async context =>
    {
        // The token travels as the credential (an http.extraHeader) and, as a careless setup would have it, in the path.
        var url = $"http://{Echo}/org/{Uri.EscapeDataString(Token!)}.git";
        var request = new PromotionRequest(PromotionTarget.GitUrl(url), ImageReference.Parse($"{Echo}/org/app:1.0@sha256:{new string('a', 64)}"))
        {
            Credentials = GitHubToken.PersonalAccessToken(Credential),
            WriteMethod = WriteMethod.Git,
        };
        await Report(context, "GitStderr", () => new Promoter().PromoteAsync(request, context.CancellationToken));
    });

    public Target RegistryError => _ => _.DependsOn(GitStderr).Executes(async context =>
    {
        var credentials = RegistryCredentialProvider.Anonymous.With(Echo, new RegistryCredential("robot", Credential, "--registry-password"));
        using var registry = new RegistryClient(new RegistryClientOptions { Credentials = credentials, Retry = RetryOptions.None });
        await Report(context, "RegistryError", () => registry.GetManifestAsync(ImageReference.Parse($"{Echo}/org/app:1.0"), context.CancellationToken));
    });

    public Target EngineError => _ => _.DependsOn(RegistryError).Executes(async context =>
    {
        using var engine = new DockerEngineClient(DockerEndpoint.Parse($"tcp://{Echo}"));
        var credential = new RegistryCredential("robot", Credential);
        await Report(context, "EngineError", () => engine.PushImageAsync(ImageReference.Parse($"{Echo}/org/app:1.0"), credential, null, context.CancellationToken));
    });

    public Target Writers => _ => _.DependsOn(EngineError).Executes(async context =>
    {
        var forms = string.Join(" | ", LeakForms.Of(Token!));
        Log.Information("log line: " + forms);
        Log.Warning("warning: " + forms);
        context.AppendSummary("summary: " + forms);
        context.SetOutput("forms", forms);
        context.Report("forms", forms);
        var labels = LeakForms.Of(Token!).Select((form, i) => (i, form)).ToDictionary(p => $"label{p.i}", p => p.form);
        var image = new BuiltImage($"{Echo}/org/app", ["1.0"], Digest.Parse("sha256:" + new string('a', 64)), MediaTypes.OciIndex, []) { Labels = labels, SourceCommit = forms };
        await image.WriteAsync(Path.Combine(RootDirectory, "artifacts", "image.json"), context.CancellationToken);
        throw new PromotionException("the last target fails with every form in its message: " + forms);
    });

    private async Task Report(TargetContext context, string layer, Func<Task> call)
    {
        try
        {
            await call();
            throw new InvalidOperationException($"{layer}: the echo server should have refused the call.");
        }
        catch (Exception exception) when (exception is not InvalidOperationException)
        {
            lock (Exceptions)
            {
                Exceptions.Add(exception.ToString());
            }

            Log.Error($"{layer} failed: {exception.Message}");
            context.AppendSummary($"#### {layer}\n\n{exception.Message}");
            context.SetOutput(layer, exception.Message);
        }
    }
}

/// <summary>The forms a token is written in by the parties a build talks to.</summary>
internal static class LeakForms
{
    public static IReadOnlyList<string> Of(string token) =>
    [
        token,
        Base64("x-access-token:" + token),
        Base64("robot:" + token),
        Uri.EscapeDataString(token),
        System.Text.RegularExpressions.Regex.Replace(Uri.EscapeDataString(token), "%[0-9A-F]{2}", m => m.Value.ToLowerInvariant()),
        WebUtility.UrlEncode(token),
        JsonSerializer.Serialize(token).Trim('"'),
        JsonSerializer.Serialize(token, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).Trim('"'),
        $"https://x-access-token:{Uri.EscapeDataString(token)}@github.com/org/repo.git",
        Base64(JsonSerializer.Serialize(new { username = "robot", password = token })).Replace('+', '-').Replace('/', '_'),
    ];

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
