using CsCheck;

namespace Pipeline.Processes.Tests;

/// <summary>
/// CsCheck properties of the redactor over generated secrets (tokens, and passwords full of characters that
/// encodings change): every form a tool writes is masked wherever it sits, and so is a secret cut across lines.
/// </summary>
public sealed class SecretRedactionProperties
{
    private static readonly string[] SecretCharacters =
        [.. "abcxyzABCXYZ0189_-.@/:+\"\\&<>é%=!#$*()[]{}'?,;日".Select(c => c.ToString()), "🚀"];

    /// <summary>Secrets of 4 to 40 characters; the text around them uses only characters no secret or form contains.</summary>
    private static readonly Gen<string> Value = Gen.OneOf(
        Gen.String[Gen.Char["0123456789abcdef"], 20, 40].Select(hex => "ghs_" + hex),
        Gen.OneOf(SecretCharacters).Array[SecretRegistry.MinimumLength, 40].Select(string.Concat));

    private static readonly Gen<string> Around = Gen.String[Gen.Char[" |~^"], 0, 6];

    [Fact]
    public void Every_written_form_of_any_secret_is_masked_wherever_it_sits() =>
        Gen.Select(Value, Around, Around, Gen.Int[0, 100]).Sample((value, before, after, pick) =>
        {
            var registry = new SecretRegistry();
            registry.Add(value);
            var forms = SecretFormsTests.WrittenForms(value).ToArray();
            var (name, form) = forms[pick % forms.Length];
            if (name.StartsWith("base64", StringComparison.Ordinal) && System.Text.Encoding.UTF8.GetByteCount(value) < SecretForms.MinimumEncodedLength)
            {
                return; // base64 pieces shorter than 8 characters are not masked, by design
            }

            var redacted = registry.Redact(before + form + after);

            // A form may keep a prefix that is not secret (base64 of "robot:"), so only the middle is the mask.
            redacted.Should().StartWith(before, name).And.EndWith(after, name).And.Contain("***", name).And.NotContain(form, name);
            SecretFormsTests.Leaks(redacted, value).Should().BeEmpty(name);
        }, iter: 3000);

    [Fact]
    public void A_secret_cut_across_two_lines_is_masked_on_both_and_the_lines_stay() =>
        Gen.Select(Value.Where(v => v.Length >= 2 * SecretRegistry.MinimumLength), Gen.Int[0, 100], Around, Around).Sample((value, cut, before, after) =>
        {
            var split = SecretRegistry.MinimumLength + cut % (value.Length - 2 * SecretRegistry.MinimumLength + 1);
            var registry = new SecretRegistry();
            registry.Add(value);
            var lines = new List<string>();
            var writer = new RedactingLineWriter(lines.Add, registry);

            writer.WriteLine(before + value[..split]);
            writer.WriteLine(value[split..] + after);
            writer.Flush();

            lines.Should().Equal(before + "***", "***" + after);
        }, iter: 3000);
}
