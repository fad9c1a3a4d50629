namespace Pipeline.Containers.Tests.Unit;

public sealed class AuthChallengeTests
{
    [Fact]
    public void Bearer_challenge_yields_realm_service_and_scope()
    {
        var challenge = AuthChallenge.ParseAll("""Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:org/app:pull" """).Single();

        challenge.IsBearer.Should().BeTrue();
        challenge.Realm.Should().Be("https://ghcr.io/token");
        challenge.Service.Should().Be("ghcr.io");
        challenge.Scope.Should().Be("repository:org/app:pull");
    }

    [Fact]
    public void Quoted_values_keep_commas_and_escaped_quotes()
    {
        var challenge = AuthChallenge.ParseAll("""Bearer realm="https://auth.example/token",scope="repository:a/b:pull,push",error="say \"hi\"" """).Single();

        challenge.Scope.Should().Be("repository:a/b:pull,push");
        challenge.Parameters["error"].Should().Be("say \"hi\"");
    }

    [Fact]
    public void Several_challenges_in_one_header_are_separated()
    {
        var challenges = AuthChallenge.ParseAll("""Basic realm="Registry Realm", Bearer realm="https://r/token",service=r""");

        challenges.Select(c => c.Scheme).Should().Equal("Basic", "Bearer");
        challenges[0].Realm.Should().Be("Registry Realm");
        challenges[1].Service.Should().Be("r");
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("   ")]
    public void Empty_header_has_no_challenge(string? header) => AuthChallenge.ParseAll(header).Should().BeEmpty();

    [Fact]
    public void Parameter_names_are_case_insensitive()
    {
        var challenge = AuthChallenge.ParseAll("""bearer Realm="https://r/t",SERVICE="s" """).Single();

        challenge.IsBearer.Should().BeTrue();
        challenge.Realm.Should().Be("https://r/t");
        challenge.Service.Should().Be("s");
    }
}
