using Pipeline.Containers;

namespace Pipeline.Containers.Tests.References;

public sealed class ImageReferenceTests
{
    private const string Hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("nginx", "docker.io", "library/nginx", "latest")]
    [InlineData("nginx:1.27", "docker.io", "library/nginx", "1.27")]
    [InlineData("bitnami/redis", "docker.io", "bitnami/redis", "latest")]
    [InlineData("index.docker.io/library/alpine:3", "docker.io", "library/alpine", "3")]
    [InlineData("ghcr.io/org/app:v1.2.3", "ghcr.io", "org/app", "v1.2.3")]
    [InlineData("localhost/app", "localhost", "app", "latest")]
    [InlineData("localhost:5000/team/app:dev", "localhost:5000", "team/app", "dev")]
    [InlineData("127.0.0.1:41234/a/b/c:x_y", "127.0.0.1:41234", "a/b/c", "x_y")]
    [InlineData("[::1]:5000/app:1", "[::1]:5000", "app", "1")]
    [InlineData("registry.example.com/my_team/app-x.y:TAG", "registry.example.com", "my_team/app-x.y", "TAG")]
    public void Parse_normalises_registry_repository_and_tag(string input, string registry, string repository, string tag)
    {
        var reference = ImageReference.Parse(input);

        reference.Registry.Should().Be(registry);
        reference.Repository.Should().Be(repository);
        reference.Tag.Should().Be(tag);
        reference.Digest.Should().BeNull();
    }

    [Fact]
    public void Parse_keeps_tag_and_digest_and_formats_both()
    {
        var reference = ImageReference.Parse($"ghcr.io/org/app:abc1234@sha256:{Hex}");

        reference.Tag.Should().Be("abc1234");
        reference.Digest!.Hex.Should().Be(Hex);
        reference.ToString().Should().Be($"ghcr.io/org/app:abc1234@sha256:{Hex}");
    }

    [Fact]
    public void Parse_with_digest_only_does_not_add_default_tag()
    {
        var reference = ImageReference.Parse($"alpine@sha256:{Hex}");

        reference.Tag.Should().BeNull();
        reference.ToString().Should().Be($"docker.io/library/alpine@sha256:{Hex}");
    }

    [Fact]
    public void ToString_round_trips_through_Parse()
    {
        var original = ImageReference.Parse($"localhost:5000/team/app:1.0@sha256:{Hex}");

        ImageReference.Parse(original.ToString()).Should().Be(original);
    }

    [Theory]
    [InlineData("ghcr.io/Org/App:1", "upper-case")]
    [InlineData("MyOrg/app", "did you mean 'myorg/app'")]
    [InlineData("ghcr.io/org/app:-bad", "starts with '-'")]
    [InlineData("ghcr.io/org/app:a+b", "contains '+'")]
    [InlineData("ghcr.io/org/app@sha256:abc", "has 3 hex digits; expected 64")]
    [InlineData("ghcr.io/org/app@md5:abc", "algorithm 'md5' is not supported")]
    [InlineData("ghcr.io//app", "empty path component")]
    [InlineData("ghcr.io/org/app_", "does not start and end")]
    [InlineData("ghcr.io/org/a..b", "separator sequence")]
    [InlineData("ghcr.io/org/a___b", "separator sequence")]
    [InlineData("localhost:99999/app", "port '99999'")]
    [InlineData("localhost:5000\0/app", "port '5000\0'")]
    [InlineData("[::1]65000/app", "has '65000' after the address")]
    [InlineData("[[::1]:5000/app", "invalid IPv6 address")]
    [InlineData("[::1/app", "invalid IPv6 address")]
    [InlineData("[127.0.0.1]:5000/app", "invalid IPv6 address")]
    [InlineData("[fe80::1%eth0]:5000/app", "invalid IPv6 address")]
    [InlineData("bad_host.io/app", "not a valid host name")]
    [InlineData("", "empty")]
    [InlineData("ghcr.io/org/app tag", "white space")]
    public void TryParse_explains_what_is_wrong(string input, string expected)
    {
        var ok = ImageReference.TryParse(input, out var reference, out var error);

        ok.Should().BeFalse();
        reference.Should().BeNull();
        error.Should().Contain(expected);
    }

    [Fact]
    public void Parse_throws_exception_carrying_input_and_reason()
    {
        var act = () => ImageReference.Parse("ghcr.io/Org/app");

        act.Should().Throw<InvalidImageReferenceException>()
            .Which.Should().Match<InvalidImageReferenceException>(e =>
                e.Input == "ghcr.io/Org/app" && e.Reason.Contains("lower case") && e.Message.Contains("ghcr.io/Org/app"));
    }

    [Fact]
    public void Tag_of_128_characters_is_accepted_and_129_rejected()
    {
        ImageReference.TryParse("app:" + new string('a', 128), out _, out _).Should().BeTrue();
        ImageReference.TryParse("app:" + new string('a', 129), out _, out var error).Should().BeFalse();
        error.Should().Contain("at most 128");
    }

    [Fact]
    public void Name_longer_than_255_characters_is_rejected()
    {
        var ok = ImageReference.TryParse("ghcr.io/" + new string('a', 250), out _, out var error);

        ok.Should().BeFalse();
        error.Should().Contain("longer than 255");
    }

    [Fact]
    public void ForRepository_rejects_tag_and_keeps_tag_empty()
    {
        var reference = ImageReference.ForRepository("localhost:5000/app");
        reference.Tag.Should().BeNull();
        reference.ToString().Should().Be("localhost:5000/app");

        var act = () => ImageReference.ForRepository("localhost:5000/app:1");
        act.Should().Throw<InvalidImageReferenceException>().WithMessage("*without ':tag'*");
    }

    [Fact]
    public void WithTag_validates_and_WithDigest_pins()
    {
        var digest = Digest.Parse("sha256:" + Hex);
        var reference = ImageReference.ForRepository("ghcr.io/org/app").WithTag("abc1234").WithDigest(digest);

        reference.ToString().Should().Be($"ghcr.io/org/app:abc1234@sha256:{Hex}");
        reference.AtDigest(digest).ToString().Should().Be($"ghcr.io/org/app@sha256:{Hex}");
        var act = () => reference.WithTag("no/slash");
        act.Should().Throw<InvalidImageReferenceException>().WithMessage("*contains '/'*");
    }

    [Theory]
    [InlineData("localhost:5000/app", true)]
    [InlineData("127.0.0.1:5000/app", true)]
    [InlineData("[::1]:5000/app", true)]
    [InlineData("ghcr.io/app", false)]
    [InlineData("10.0.0.1:5000/app", false)]
    public void IsLoopbackRegistry_recognises_this_machine(string input, bool expected) =>
        ImageReference.Parse(input).IsLoopbackRegistry.Should().Be(expected);
}
