using System.Text.RegularExpressions;
using CsCheck;
using Pipeline.Containers;
using Pipeline.Tests.Shared;

namespace Pipeline.Containers.Tests.References;

/// <summary>
/// Properties of parsing and formatting image references, checked on generated references (CsCheck shrinks a
/// failure to its smallest case and prints the seed that replays it: CsCheck_Seed=... dotnet test).
/// </summary>
public sealed partial class ImageReferenceProperties
{
    [Fact]
    public void A_reference_parses_to_its_normalised_parts_and_formats_back_to_text_that_parses_the_same() =>
        ReferenceGen.Parts.Sample(parts =>
        {
            var reference = ImageReference.Parse(parts.Text);

            reference.Registry.Should().Be(parts.ExpectedRegistry);
            reference.Repository.Should().Be(parts.ExpectedRepository);
            reference.Tag.Should().Be(parts.Tag ?? (parts.Digest is null ? ImageTag.Default : null));
            reference.Digest?.ToString().Should().Be(parts.Digest);
            ImageReference.Parse(reference.ToString()).Should().Be(reference);
            ImageReference.Parse(reference.ToString()).ToString().Should().Be(reference.ToString());
        }, iter: 5000);

    [Fact]
    public void Only_what_the_distribution_grammar_accepts_parses_and_a_refusal_says_why() =>
        Gen.OneOf(ReferenceGen.NearMiss, ReferenceGen.Parts.Select(p => p.Text)).Sample(text =>
        {
            var accepted = ImageReference.TryParse(text, out var reference, out var error);

            if (accepted)
            {
                DistributionReference().IsMatch(text).Should().BeTrue($"'{text}' was accepted, but the distribution grammar refuses it");
                reference!.ToString().Should().MatchRegex(@"^[A-Za-z0-9._\-/:@\[\]]+$");
            }
            else
            {
                error.Should().NotBeNullOrWhiteSpace();
                var thrown = FluentActions.Invoking(() => ImageReference.Parse(text)).Should().Throw<InvalidImageReferenceException>().Which;
                (thrown.Input, thrown.Reason).Should().Be((text, error!));
            }
        }, iter: 20000);

    [Fact]
    public void WithTag_and_AtDigest_change_only_their_part() =>
        Gen.Select(ReferenceGen.Parts, ReferenceGen.Tag, ReferenceGen.Digest).Sample((parts, tag, digest) =>
        {
            var reference = ImageReference.Parse(parts.Text);

            var tagged = reference.WithTag(tag);
            var pinned = tagged.WithDigest(Digest.Parse(digest));

            (tagged.Name, tagged.Tag, tagged.Digest).Should().Be((reference.Name, tag, null));
            pinned.ToString().Should().Be($"{reference.Name}:{tag}@{digest}");
            pinned.AtDigest(Digest.Parse(digest)).ToString().Should().Be($"{reference.Name}@{digest}");
            ImageReference.Parse(pinned.ToString()).Should().Be(pinned);
        }, iter: 2000);

    [Fact]
    public void Sanitize_makes_a_valid_tag_of_any_text_or_says_there_is_none_and_is_idempotent() =>
        Gen.OneOf(Gen.String, Gen.String[Gen.Char["Aa0_.-/ \t+@:é"], 0, 140], ReferenceGen.Tag).Sample(text =>
        {
            var tag = ImageTag.Sanitize(text);

            if (tag is null)
            {
                text.Trim().ToLowerInvariant().TrimStart('.', '-').Any(char.IsAsciiLetterOrDigit).Should().BeFalse();
            }
            else
            {
                ImageTag.Validate(tag).Should().BeNull();
                ImageTag.Sanitize(tag).Should().Be(tag);
            }
        }, iter: 5000);

    [Fact]
    public void A_digest_parses_back_from_its_text_and_matches_exactly_the_bytes_it_was_computed_from() =>
        Gen.Select(Gen.Byte.Array[0, 200], Gen.Int[0, 199], Gen.Byte[1, 255]).Sample((bytes, at, flip) =>
        {
            var digest = Digest.Compute(bytes);

            Digest.Parse(digest.ToString()).Should().Be(digest);
            digest.Matches(bytes).Should().BeTrue();
            if (bytes.Length > 0)
            {
                var changed = (byte[])bytes.Clone();
                changed[at % bytes.Length] ^= flip;
                digest.Matches(changed).Should().BeFalse();
            }
        }, iter: 2000);

    /// <summary>
    /// The reference grammar of distribution/reference (regexp.go), narrowed where this parser is stricter on
    /// purpose: sha256 and sha512 digests only, a port from 1 to 65535.
    /// </summary>
    [GeneratedRegex("""
        ^(?:(?<domain>(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[a-fA-F0-9:]+\])
           (?::(?<port>0*(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])))?/)?
        (?<path>[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)
        (?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?
        (?:@(?<digest>sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128}))?$
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex DistributionReference();
}
