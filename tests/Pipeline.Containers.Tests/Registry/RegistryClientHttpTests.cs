using System.Net;
using System.Text;
using Pipeline.Containers.Tests.Support;

namespace Pipeline.Containers.Tests.Registry;

public sealed class RegistryClientHttpTests
{
    private const string IndexJson = """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}""";
    private static readonly string IndexDigest = Digest.Compute(Encoding.UTF8.GetBytes(IndexJson)).ToString();

    [Fact]
    public async Task Bearer_challenge_fetches_a_token_with_scope_and_basic_credentials_once()
    {
        await using var server = new LoopbackServer(async (request, response) =>
        {
            if (request.Url!.AbsolutePath == "/token")
            {
                await response.WriteAsync(200, """{"token":"tok-1","expires_in":300}""");
            }
            else if (request.Headers["Authorization"] != "Bearer tok-1")
            {
                var realm = $"http://{request.Url.Authority}/token";
                await response.WriteAsync(401, """{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}""",
                    headers: new Dictionary<string, string> { ["WWW-Authenticate"] = $"Bearer realm=\"{realm}\",service=\"loopback-registry\",scope=\"repository:team/app:pull\"" });
            }
            else
            {
                await response.WriteAsync(200, IndexJson, MediaTypes.OciIndex, new Dictionary<string, string> { ["Docker-Content-Digest"] = IndexDigest });
            }
        });
        var credentials = new RegistryCredentialProvider(new Dictionary<string, RegistryCredential> { [server.Registry] = new("ci", new Secret("pw")) }, dockerConfigPath: string.Empty);
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = credentials });

        var first = await client.GetManifestAsync(ImageReference.Parse($"{server.Registry}/team/app:1"));
        var second = await client.GetManifestAsync(ImageReference.Parse($"{server.Registry}/team/app:2"));

        first.Index.Should().NotBeNull();
        second.Digest.ToString().Should().Be(IndexDigest);
        var tokenRequests = server.Requests.Where(r => r.PathAndQuery.StartsWith("/token", StringComparison.Ordinal)).ToArray();
        tokenRequests.Should().ContainSingle();
        tokenRequests[0].PathAndQuery.Should().Contain("service=loopback-registry").And.Contain("scope=repository%3Ateam%2Fapp%3Apull");
        tokenRequests[0].Authorization.Should().Be("Basic " + Convert.ToBase64String("ci:pw"u8.ToArray()));
        server.Requests.First().Accept.Should().Contain(MediaTypes.OciIndex).And.Contain(MediaTypes.DockerManifestList)
            .And.Contain(MediaTypes.OciManifest).And.Contain(MediaTypes.DockerManifest);
    }

    [Fact]
    public async Task Token_endpoint_refusing_credentials_names_their_source()
    {
        await using var server = new LoopbackServer(async (request, response) =>
        {
            if (request.Url!.AbsolutePath == "/token")
            {
                await response.WriteAsync(401, """{"errors":[{"code":"UNAUTHORIZED","message":"bad password"}]}""");
            }
            else
            {
                await response.WriteAsync(401, "{}", headers: new Dictionary<string, string> { ["WWW-Authenticate"] = $"Bearer realm=\"http://{request.Url.Authority}/token\",service=\"s\"" });
            }
        });
        var credentials = new RegistryCredentialProvider(environment: name => name == "GITHUB_TOKEN" ? "ghs_x" : null, dockerConfigPath: string.Empty)
            .With(server.Registry, new RegistryCredential("me", new Secret("nope"), "GITHUB_TOKEN"));
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = credentials });

        var act = () => client.PingAsync(server.Registry);

        var failure = (await act.Should().ThrowAsync<RegistryAuthenticationException>()).Which;
        failure.CredentialSource.Should().Be("GITHUB_TOKEN");
        failure.Message.Should().Contain("refused the credentials from GITHUB_TOKEN").And.Contain("bad password").And.NotContain("nope");
    }

    [Fact]
    public async Task Push_retries_after_429_honouring_Retry_After()
    {
        var calls = 0;
        await using var server = new LoopbackServer(async (_, response) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await response.WriteAsync(429, """{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}""", headers: new Dictionary<string, string> { ["Retry-After"] = "7" });
            }
            else
            {
                await response.WriteAsync(201, string.Empty, headers: new Dictionary<string, string> { ["Docker-Content-Digest"] = IndexDigest });
            }
        });
        var clock = new RecordingTimeProvider();
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = RegistryCredentialProvider.Anonymous }, clock);

        var digest = await client.PutManifestAsync(ImageReference.Parse($"{server.Registry}/app:1"), MediaTypes.OciIndex, Encoding.UTF8.GetBytes(IndexJson));

        digest.ToString().Should().Be(IndexDigest);
        calls.Should().Be(2);
        clock.Delays.Should().Equal(TimeSpan.FromSeconds(7));
        server.Requests.Last().Body.Should().Equal(Encoding.UTF8.GetBytes(IndexJson));
    }

    [Fact]
    public async Task Server_errors_are_retried_a_bounded_number_of_times_then_decoded()
    {
        await using var server = new LoopbackServer((_, response) =>
            response.WriteAsync(503, """{"errors":[{"code":"UNAVAILABLE","message":"maintenance","detail":{"until":"soon"}}]}"""));
        var clock = new RecordingTimeProvider();
        var retry = new RetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = RegistryCredentialProvider.Anonymous, Retry = retry }, clock);

        var act = () => client.HeadManifestAsync(ImageReference.Parse($"{server.Registry}/app:1"));

        var failure = (await act.Should().ThrowAsync<RegistryException>()).Which;
        failure.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        server.Requests.Should().HaveCount(3);
        clock.Delays.Should().Equal(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200));
        failure.Message.Should().Contain("HTTP 503").And.Contain("kept failing after retries");
    }

    [Fact]
    public async Task Registry_errors_body_is_decoded_with_code_message_and_detail()
    {
        await using var server = new LoopbackServer((_, response) =>
            response.WriteAsync(404, """{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry","detail":{"name":"app"}}]}"""));
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = RegistryCredentialProvider.Anonymous });

        var act = () => client.PutManifestAsync(ImageReference.Parse($"{server.Registry}/app:1"), MediaTypes.OciIndex, Encoding.UTF8.GetBytes(IndexJson));

        var failure = (await act.Should().ThrowAsync<RegistryException>()).Which;
        failure.Errors.Should().ContainSingle().Which.Code.Should().Be("NAME_UNKNOWN");
        failure.Errors[0].Detail!.Value.GetProperty("name").GetString().Should().Be("app");
        failure.Message.Should().Contain("repository does not exist");
    }

    [Fact]
    public async Task Manifest_whose_bytes_do_not_match_the_declared_digest_is_rejected()
    {
        var wrong = Digest.Compute("something else"u8).ToString();
        await using var server = new LoopbackServer((_, response) =>
            response.WriteAsync(200, IndexJson, MediaTypes.OciIndex, new Dictionary<string, string> { ["Docker-Content-Digest"] = wrong }));
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = RegistryCredentialProvider.Anonymous });

        var byTag = () => client.GetManifestAsync(ImageReference.Parse($"{server.Registry}/app:1"));
        var byDigest = () => client.GetManifestAsync(ImageReference.Parse($"{server.Registry}/app@{wrong}"));

        (await byTag.Should().ThrowAsync<DigestMismatchException>()).Which.Actual.ToString().Should().Be(IndexDigest);
        (await byDigest.Should().ThrowAsync<DigestMismatchException>()).Which.Expected.ToString().Should().Be(wrong);
    }

    [Fact]
    public async Task Registry_that_does_not_answer_is_reported_unreachable_with_its_address()
    {
        int port;
        await using (var server = new LoopbackServer((_, r) => r.WriteAsync(200, "{}")))
        {
            port = server.Port;
        }

        using var client = new RegistryClient(new RegistryClientOptions { Credentials = RegistryCredentialProvider.Anonymous, Retry = RetryOptions.None });

        var act = () => client.PingAsync($"127.0.0.1:{port}");

        (await act.Should().ThrowAsync<RegistryUnreachableException>()).WithMessage($"*127.0.0.1:{port}*unreachable*");
    }
}
