using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pipeline.Processes.Tests;

/// <summary>Every form a real tool or server writes a secret in, for a token and for a password full of special characters.</summary>
public sealed class SecretFormsTests
{
    public static TheoryData<string> Values => new()
    {
        "ghs_" + RandomNumberGenerator.GetHexString(36, lowercase: true),
        "p@ss/w:rd+\"quote\" \\ & <tag> é%20",
    };

    /// <summary>The forms each value is written in by the tools a build talks to, by name.</summary>
    internal static IReadOnlyDictionary<string, string> WrittenForms(string value) => new Dictionary<string, string>
    {
        ["raw"] = value,
        ["base64(x-access-token:T)"] = Base64(SecretForms.TokenUser + ":" + value),
        ["base64(u:T)"] = Base64("u:" + value),
        ["base64(ci:T)"] = Base64("ci:" + value),
        ["base64(robot:T)"] = Base64("robot:" + value),
        ["base64url(json)"] = Base64(JsonSerializer.Serialize(new { username = "ci", password = value })).Replace('+', '-').Replace('/', '_').TrimEnd('='),
        ["url-encoded"] = Uri.EscapeDataString(value),
        ["url-encoded lower-case"] = System.Text.RegularExpressions.Regex.Replace(Uri.EscapeDataString(value), "%[0-9A-F]{2}", m => m.Value.ToLowerInvariant()),
        ["form-encoded"] = WebUtility.UrlEncode(value),
        ["url userinfo"] = $"https://x-access-token:{Uri.EscapeDataString(value)}@github.com/org/repo.git",
        ["json"] = JsonSerializer.Serialize(value)[1..^1],
        ["json relaxed"] = JsonSerializer.Serialize(value, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })[1..^1],
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Every_written_form_is_redacted_in_the_middle_of_text(string value)
    {
        var registry = new SecretRegistry();
        registry.Add(value);

        foreach (var (name, form) in WrittenForms(value))
        {
            var redacted = registry.Redact($"before {form} after");

            redacted.Should().Contain("***", name).And.StartWith("before ", name).And.NotContain(form, name);
            Leaks(redacted, value).Should().BeEmpty(name);
        }
    }

    [Fact]
    public void Overlapping_and_nested_secrets_are_masked_as_their_union()
    {
        var registry = new SecretRegistry();
        registry.Add("abcdefgh1234");
        registry.Add("1234wxyz9876");
        registry.Add("defgh");

        registry.Redact("x abcdefgh1234wxyz9876 y").Should().Be("x *** y");
        registry.Redact("zzdefghzz").Should().Be("zz***zz");
        registry.Redact("1234wxyz9876abcdefgh1234").Should().Be("***");
    }

    [Fact]
    public void A_secret_wrapped_over_lines_is_masked_on_each_line_and_line_breaks_stay()
    {
        var registry = new SecretRegistry();
        registry.Add("ghp_abcdefghijklmnop");

        registry.Redact("token ghp_abcdefg\r\nhijklmnop end\nnext").Should().Be("token ***\r\n*** end\nnext");
    }

    [Fact]
    public void A_private_key_is_masked_whole_line_by_line_and_JSON_escaped_but_its_armor_stays_readable()
    {
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportRSAPrivateKeyPem();
        var registry = new SecretRegistry();
        registry.Add(pem);
        var lines = pem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal)).ToArray();

        var whole = registry.Redact("key:\r\n" + pem.Replace("\n", "\r\n", StringComparison.Ordinal));
        var json = registry.Redact(JsonSerializer.Serialize(new { key = pem }));
        var partial = registry.Redact("first line of the key: " + lines[3]);

        foreach (var text in new[] { whole, json, partial })
        {
            lines.Where(l => text.Contains(l, StringComparison.Ordinal)).Should().BeEmpty();
        }

        whole.Should().NotContain("PRIVATE KEY", "the whole key is one form, armor included");
        registry.Redact("expected -----BEGIN RSA PRIVATE KEY-----").Should().Be("expected -----BEGIN RSA PRIVATE KEY-----");
    }

    [Fact]
    public void Short_values_are_not_masked_and_unrelated_text_is_returned_as_is()
    {
        var registry = new SecretRegistry();
        registry.Add("pw");
        registry.Add("long-enough-secret");
        const string text = "pw is not masked; nothing else here";

        registry.Redact(text).Should().BeSameAs(text);
        registry.Count.Should().BeGreaterThan(1);
    }

    [Fact]
    public void Secret_prints_the_mask_and_joins_the_shared_registry_when_created()
    {
        var value = "ghs_" + RandomNumberGenerator.GetHexString(30);
        SecretRegistry.Shared.Redact("x " + value).Should().Be("x " + value);

        var secret = new Secret("  " + value + "\n");

        secret.ToString().Should().Be("***");
        $"token={secret}".Should().Be("token=***");
        secret.Reveal().Should().Be(value);
        SecretRegistry.Shared.Redact("x " + Base64("x-access-token:" + value)).Should().Be("x ***");
        secret.IsContainedIn("Authorization: Basic " + Base64("robot:" + value)).Should().BeTrue();
        JsonSerializer.Serialize(new { Token = secret }, new JsonSerializerOptions { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() })
            .Should().NotContain(value);
        FluentActions.Invoking(() => new Secret("  ")).Should().Throw<ArgumentException>().WithMessage("*variable or file*");
        Secret.FromNullable(" ").Should().BeNull();
    }

    /// <summary>Every 8-character piece of any written form of <paramref name="value"/> (beyond its non-secret prefix) found in <paramref name="text"/>.</summary>
    internal static IEnumerable<string> Leaks(string text, string value) =>
        new[] { value, Base64(value), Uri.EscapeDataString(value) }
            .SelectMany(form => Enumerable.Range(0, Math.Max(0, form.Length - 7)).Select(i => form.Substring(i, 8)))
            .Where(piece => text.Contains(piece, StringComparison.Ordinal))
            .Distinct();

    internal static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
