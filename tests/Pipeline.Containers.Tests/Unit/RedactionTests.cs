using System.Text;
using System.Text.Json;

namespace Pipeline.Containers.Tests.Unit;

public sealed class RedactionTests
{
    [Fact]
    public void Secret_never_prints_itself()
    {
        var secret = new Secret("hunter2");

        secret.ToString().Should().Be("***");
        $"password={secret}".Should().Be("password=***");
        secret.Reveal().Should().Be("hunter2");
        SecretRegistry.Shared.Redact("login with hunter2 now").Should().Be("login with *** now");
    }

    [Fact]
    public void Credential_record_prints_without_its_password()
    {
        var credential = new RegistryCredential("ci", new Secret("hunter2"), "--registry-password");

        credential.ToString().Should().NotContain("hunter2").And.Contain("ci").And.Contain("***");
    }

    [Fact]
    public void Build_request_with_a_credential_prints_without_the_password()
    {
        var request = new ImageBuildRequest("ghcr.io/org/app", ".") { Credential = new RegistryCredential("ci", new Secret("hunter2")) };

        request.ToString().Should().NotContain("hunter2");
    }

    [Fact]
    public void X_Registry_Auth_is_base64url_json_with_the_credential()
    {
        var header = DockerEngineClient.RegistryAuthHeaderValue("127.0.0.1:5000", new RegistryCredential("ci", new Secret("p?>>")));
        var anonymous = DockerEngineClient.RegistryAuthHeaderValue("127.0.0.1:5000", null);

        header.Should().NotContainAny("+", "/");
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(header.Replace('-', '+').Replace('_', '/')));
        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("username").GetString().Should().Be("ci");
        document.RootElement.GetProperty("password").GetString().Should().Be("p?>>");
        document.RootElement.GetProperty("serveraddress").GetString().Should().Be("127.0.0.1:5000");
        Encoding.UTF8.GetString(Convert.FromBase64String(anonymous)).Should().Be("{}");
    }
}
