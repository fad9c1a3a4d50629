using System.Text.Json;

namespace Pipeline.GitHub.Tests;

public sealed class SecretTests
{
    private const string Value = "ghp_0123456789abcdefSECRET";

    [Fact]
    public void Secret_prints_a_placeholder_in_ToString_interpolation_and_reflection_json()
    {
        var secret = new Secret(Value);

        secret.ToString().Should().Be(Secret.Mask);
        $"token={secret}".Should().Be("token=***");
        JsonSerializer.Serialize(new { Token = secret }, new JsonSerializerOptions { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() })
            .Should().NotContain(Value);
        secret.Reveal().Should().Be(Value);
    }

    [Fact]
    public void Token_credentials_print_their_kind_but_never_the_token()
    {
        GitHubToken.PersonalAccessToken(new Secret(Value)).ToString().Should().NotContain(Value).And.Contain("PersonalAccessToken");
    }

    [Theory]
    [InlineData("ghp_abc", GitHubCredentialKind.PersonalAccessToken)]
    [InlineData("github_pat_11ABC", GitHubCredentialKind.FineGrainedPersonalAccessToken)]
    public void Personal_access_tokens_are_told_apart_by_prefix(string token, GitHubCredentialKind kind)
    {
        GitHubToken.PersonalAccessToken(new Secret(token)).Kind.Should().Be(kind);
    }

    [Fact]
    public void Empty_secret_is_refused_naming_where_to_look()
    {
        var act = () => new Secret("  ");

        act.Should().Throw<ArgumentException>().WithMessage("*variable or file*");
    }
}
