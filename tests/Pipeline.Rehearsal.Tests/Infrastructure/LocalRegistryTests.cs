using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Pipeline.Rehearsal.Infrastructure;
using Pipeline.Tests.Shared;

namespace Pipeline.Rehearsal.Tests.Infrastructure;

public sealed class LocalRegistryTests
{
    [InfrastructureFact]
    public async Task Registry_answers_on_loopback_and_is_gone_with_its_storage_after_dispose()
    {
        var messages = new List<string>();
        var registry = await LocalRegistry.StartAsync(log: messages.Add);
        var folder = Path.GetDirectoryName(registry.LogPath)!;
        using var http = new HttpClient();

        var answer = await http.GetAsync(new Uri($"http://{registry.Address}/v2/"));
        await registry.DisposeAsync();
        var afterwards = () => http.GetAsync(new Uri($"http://{registry.Address}/v2/"));

        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        registry.Address.Should().StartWith("127.0.0.1:");
        messages.Should().ContainSingle(m => m.Contains("Registry started", StringComparison.Ordinal));
        await afterwards.Should().ThrowAsync<HttpRequestException>();
        Directory.Exists(folder).Should().BeFalse();
    }

    [InfrastructureFact]
    public async Task Registry_with_users_demands_their_password()
    {
        await using var registry = await LocalRegistry.StartAsync(new LocalRegistryOptions { Users = new Dictionary<string, string> { ["ci"] = "pa55-word" } });
        using var http = new HttpClient();

        using var anonymous = await http.GetAsync(new Uri($"http://{registry.Address}/v2/"));
        using var wrong = await SendAsync(http, registry, "ci:nope");
        using var right = await SendAsync(http, registry, "ci:pa55-word");

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        anonymous.Headers.WwwAuthenticate.ToString().Should().StartWith("Basic");
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        right.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [InfrastructureFact]
    public async Task Token_registry_sends_a_bearer_challenge_and_accepts_the_issued_token()
    {
        await using var registry = await LocalRegistry.StartAsync(new LocalRegistryOptions { TokenAuthentication = true, Users = new Dictionary<string, string> { ["robot"] = "pw" } });
        using var http = new HttpClient();

        using var challenge = await http.GetAsync(new Uri($"http://{registry.Address}/v2/"));
        var parameters = challenge.Headers.WwwAuthenticate.Single().Parameter!;
        var realm = parameters.Split(',').Single(p => p.StartsWith("realm=", StringComparison.Ordinal))[6..].Trim('"');
        using var refused = await SendAsync(http, new Uri($"{realm}?service=pipeline-local-registry"), "robot:wrong");
        using var issued = await SendAsync(http, new Uri($"{realm}?service=pipeline-local-registry&scope=repository:a/b:pull"), "robot:pw");
        var token = System.Text.Json.JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://{registry.Address}/v2/"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var accepted = await http.SendAsync(request);

        challenge.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        challenge.Headers.WwwAuthenticate.Single().Scheme.Should().Be("Bearer");
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Missing_registry_program_names_what_to_install_when_apt_is_not_allowed()
    {
        var options = new LocalRegistryOptions { SearchPath = [TestTemp.Folder("empty-")], Host = new HostFacts(IsDebian: false, IsRoot: false) };

        var act = () => LocalRegistry.StartAsync(options);

        (await act.Should().ThrowAsync<InfrastructureException>()).WithMessage("*apt-get install docker-registry*github.com/distribution/distribution*");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, LocalRegistry registry, string userAndPassword) =>
        SendAsync(http, new Uri($"http://{registry.Address}/v2/"), userAndPassword);

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, Uri uri, string userAndPassword)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userAndPassword)));
        return http.SendAsync(request);
    }
}
