using Pipeline.Containers.Tests.Support;
using Pipeline.Rehearsal.Infrastructure;

namespace Pipeline.Containers.Tests.Integration;

/// <summary>A registry with Bearer token authentication, as ghcr.io and Docker Hub have: the real registry, a local token endpoint.</summary>
[Collection(DockerCollection.Name)]
public sealed class TokenRegistryTests
{
    [DockerFact]
    public async Task Build_and_capture_through_bearer_tokens_and_refusals_fail_before_building()
    {
        await using var registry = await LocalRegistry.StartAsync(new LocalRegistryOptions
        {
            TokenAuthentication = true,
            Users = new Dictionary<string, string> { ["robot"] = "token-pass" },
        });
        var context = TestContexts.TextOnly("FROM scratch\nARG TARGETARCH\nCOPY hello.txt /hello-${TARGETARCH}\n");
        var output = new LineCollector();
        using var builder = new MultiPlatformImageBuilder(new ImageBuilderOptions { Credentials = RegistryCredentialProvider.Anonymous, Output = output });
        var request = new ImageBuildRequest($"{registry.Address}/org/app", context) { Tags = ["1"] };
        var good = request with { Credential = new RegistryCredential("robot", new Secret("token-pass")) };

        var anonymous = () => builder.BuildAsync(request, BuildStrategyKind.Engine);
        var wrong = () => builder.BuildAsync(request with { Credential = new RegistryCredential("robot", new Secret("nope"), "GITHUB_TOKEN") }, BuildStrategyKind.Engine);
        var built = await builder.BuildAsync(good, BuildStrategyKind.Engine);
        var pinned = await builder.CaptureAsync(built, credential: good.Credential);

        (await anonymous.Should().ThrowAsync<RegistryAuthenticationException>()).Which.CredentialSource.Should().BeNull();
        (await wrong.Should().ThrowAsync<RegistryAuthenticationException>()).WithMessage("*refused the credentials from GITHUB_TOKEN*");
        output.Lines.Count(l => l.Contains("[linux/", StringComparison.Ordinal)).Should().BeGreaterThan(0);
        pinned.Platforms.Select(p => p.ConfigArchitecture).Should().Equal("amd64", "arm64");
        pinned.Digest.Should().Be(built.Digest);
    }
}
