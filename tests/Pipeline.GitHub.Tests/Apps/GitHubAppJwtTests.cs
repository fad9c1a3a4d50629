using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pipeline.GitHub.Tests.Support;

namespace Pipeline.GitHub.Tests.Apps;

public sealed class GitHubAppJwtTests
{
    [Fact]
    public void Jwt_matches_the_vector_computed_by_openssl_for_a_fixed_key_and_clock()
    {
        using var app = GitHubApp.FromPem(TestKeys.VectorIssuer, new Secret(TestKeys.Pkcs1), new FastForwardTimeProvider(TestKeys.VectorClock));

        app.CreateJwt().Reveal().Should().Be(TestKeys.VectorJwt);
    }

    [Fact]
    public void Pkcs8_key_gives_the_same_token_as_the_pkcs1_form_of_the_same_key()
    {
        using var app = GitHubApp.FromPem(TestKeys.VectorIssuer, new Secret(TestKeys.Pkcs8), new FastForwardTimeProvider(TestKeys.VectorClock));

        app.CreateJwt().Reveal().Should().Be(TestKeys.VectorJwt);
    }

    [Fact]
    public void Key_with_literal_backslash_n_escapes_as_kept_by_secret_stores_is_accepted()
    {
        var escaped = TestKeys.Pkcs1.Replace("\n", "\\n", StringComparison.Ordinal);
        using var app = GitHubApp.FromPem(TestKeys.VectorIssuer, new Secret(escaped), new FastForwardTimeProvider(TestKeys.VectorClock));

        app.CreateJwt().Reveal().Should().Be(TestKeys.VectorJwt);
    }

    [Fact]
    public void Jwt_verifies_with_the_public_key_and_carries_backdated_iat_bounded_exp_and_issuer()
    {
        var now = new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);
        using var app = GitHubApp.FromPem("Iv23liClientId", new Secret(TestKeys.Pkcs8), new FastForwardTimeProvider(now));

        var parts = app.CreateJwt().Reveal().Split('.');

        parts.Should().HaveCount(3);
        using var publicKey = RSA.Create();
        publicKey.ImportFromPem(TestKeys.PublicKey);
        publicKey.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .Should().BeTrue();
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        header.RootElement.GetProperty("alg").GetString().Should().Be("RS256");
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        var iat = payload.RootElement.GetProperty("iat").GetInt64();
        var exp = payload.RootElement.GetProperty("exp").GetInt64();
        iat.Should().Be(now.ToUnixTimeSeconds() - 60);
        (exp - iat).Should().BeLessThanOrEqualTo(600);
        exp.Should().BeLessThanOrEqualTo(now.ToUnixTimeSeconds() + 600).And.BeGreaterThan(now.ToUnixTimeSeconds());
        payload.RootElement.GetProperty("iss").GetString().Should().Be("Iv23liClientId");
    }

    [Fact]
    public async Task Credentials_reuse_the_jwt_until_less_than_a_minute_is_left_then_sign_a_new_one()
    {
        var clock = new FastForwardTimeProvider(TestKeys.VectorClock);
        using var app = GitHubApp.FromPem(TestKeys.VectorIssuer, new Secret(TestKeys.Pkcs1), clock);

        var first = await app.GetTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(7));
        var reused = await app.GetTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(1.5));
        var renewed = await app.GetTokenAsync();

        reused.Should().Be(first);
        renewed.Should().NotBe(first);
        app.Kind.Should().Be(GitHubCredentialKind.AppJwt);
    }

    [Fact]
    public void Encrypted_key_is_refused_with_the_command_that_decrypts_it()
    {
        const string encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI\n-----END ENCRYPTED PRIVATE KEY-----\n";

        var act = () => GitHubApp.FromPem("1", new Secret(encrypted));

        act.Should().Throw<GitHubAppKeyException>().WithMessage("*encrypted*openssl pkcs8 -topk8 -nocrypt*");
    }

    [Fact]
    public void Public_key_is_refused_saying_the_private_key_is_needed()
    {
        var act = () => GitHubApp.FromPem("1", new Secret(TestKeys.PublicKey));

        act.Should().Throw<GitHubAppKeyException>().WithMessage("*public key*private key*");
    }

    [Fact]
    public void Damaged_key_is_refused_without_quoting_any_of_it()
    {
        var lines = TestKeys.Pkcs1.Split('\n');
        var damaged = string.Join('\n', lines.Take(3).Concat(lines.Skip(lines.Length - 3)));

        var act = () => GitHubApp.FromPem("1", new Secret(damaged));

        var error = act.Should().Throw<GitHubAppKeyException>().Which;
        error.ToString().Should().NotContain(lines[1]).And.NotContain(lines[2]);
    }
}
