using System.Text;
using Pipeline.Containers;

namespace Pipeline.Containers.Tests.References;

public sealed class DigestAndTagTests
{
    [Fact]
    public void Compute_matches_sha256sum_of_the_bytes()
    {
        // sha256("hello\n") as printed by `printf 'hello\n' | sha256sum`.
        var digest = Digest.Compute(Encoding.ASCII.GetBytes("hello\n"));

        digest.ToString().Should().Be("sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");
        digest.Matches(Encoding.ASCII.GetBytes("hello\n")).Should().BeTrue();
        digest.Matches(Encoding.ASCII.GetBytes("hello")).Should().BeFalse();
        digest.Short.Should().Be("5891b5b522d5");
    }

    [Theory]
    [InlineData("sha256:5891B5B522D5DF086D0FF0B110FBD9D21BB4FC7163AF34D08286A2E846F6BE03", "upper-case hex")]
    [InlineData("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03", "no algorithm")]
    [InlineData("sha256:zz91b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03", "'z', which is not a hex digit")]
    [InlineData("sha512:abcd", "expected 128")]
    [InlineData("", "empty")]
    public void Validate_says_what_is_wrong_with_a_digest(string input, string expected)
    {
        Digest.IsValid(input).Should().BeFalse();
        Digest.Validate(input).Should().Contain(expected);
        var act = () => Digest.Parse(input);
        act.Should().Throw<InvalidImageReferenceException>().Which.Reason.Should().Contain(expected);
    }

    [Fact]
    public void Digests_with_same_text_are_equal()
    {
        const string text = "sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

        Digest.Parse(text).Should().Be(Digest.Parse(text));
        Digest.IsValid(text).Should().BeTrue();
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("v1.2.3")]
    [InlineData("_internal")]
    [InlineData("abc1234-dev")]
    [InlineData("1.0.0-rc.1")]
    public void Valid_tags_are_accepted(string tag)
    {
        ImageTag.IsValid(tag).Should().BeTrue();
        ImageTag.Validate(tag).Should().BeNull();
    }

    [Theory]
    [InlineData(".hidden", "starts with '.'")]
    [InlineData("feature/login", "contains '/'")]
    [InlineData("v1+build", "contains '+'")]
    [InlineData("", "empty")]
    public void Invalid_tags_are_explained(string tag, string expected)
    {
        ImageTag.IsValid(tag).Should().BeFalse();
        ImageTag.Validate(tag).Should().Contain(expected);
    }

    [Theory]
    [InlineData("feature/Login", "feature-login")]
    [InlineData("-main", "main")]
    [InlineData("///", null)]
    public void Sanitize_turns_branch_names_into_tags(string input, string? expected) =>
        ImageTag.Sanitize(input).Should().Be(expected);
}
