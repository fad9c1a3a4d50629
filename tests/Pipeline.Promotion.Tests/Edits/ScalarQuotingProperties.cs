using System.Text.RegularExpressions;
using CsCheck;
using Pipeline.Promotion.Edits;
using Pipeline.Tests.Shared;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Promotion.Tests.Edits;

/// <summary>
/// Whatever tag is written, in whatever style the old value had, it reads back as that same string: quotes are kept,
/// and a plain value stays plain exactly when no YAML 1.1 or 1.2 reader would take it for something else.
/// </summary>
public sealed partial class ScalarQuotingProperties
{
    private static readonly Gen<string> OldValue = Gen.OneOf("latest", "'latest'", "\"latest\"", "1.0", "''", "\"\"", "", "'it''s'", "\"a\\\"b\"");

    [Fact]
    public void A_written_tag_reads_back_as_the_same_string_in_the_old_style_or_double_quoted() =>
        Gen.Select(ReferenceGen.Tag, OldValue, Gen.Bool).Where((_, old, flow) => !(flow && old.Length == 0)).Sample((tag, old, flow) =>
        {
            var text = flow ? $"image: {{repository: x, tag: {old}}}\n" : $"image:\n  repository: x\n  tag: {old} # pinned\n";

            var result = HelmValuesEdit.ForTag("image.tag").Apply(TestFiles.Yaml(text), TestFiles.Image("ghcr.io/org/app:" + tag));

            var (value, style) = ReadTag(result.Document.Text);
            value.Should().Be(tag);
            var oldStyle = old.StartsWith('\'') ? ScalarStyle.SingleQuoted : old.StartsWith('"') ? ScalarStyle.DoubleQuoted : ScalarStyle.Plain;
            if (oldStyle != ScalarStyle.Plain)
            {
                style.Should().Be(oldStyle);
            }
            else if (ReadsAsAnotherType(tag))
            {
                style.Should().Be(ScalarStyle.DoubleQuoted, "a YAML 1.1 or 1.2 reader takes it for a null, boolean, number or date");
            }
            else if (!NumberLike().IsMatch(tag))
            {
                style.Should().Be(ScalarStyle.Plain, "every YAML reader takes it for a string");
            }
        }, iter: 3000);

    private static (string Value, ScalarStyle Style) ReadTag(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var tag = (YamlScalarNode)((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["image"])["tag"];
        return (tag.Value!, tag.Style);
    }

    private static bool ReadsAsAnotherType(string plain) => Yaml12Core().IsMatch(plain) || Yaml11().IsMatch(plain);

    /// <summary>
    /// Numbers with underscores or a base prefix (<c>64_2E7</c>, <c>0o_53</c>): not numbers by either specification,
    /// but readers built on go-yaml (Helm, kustomize, Argo CD) drop the underscores and read Go's number syntax, and
    /// SnakeYAML takes some of them for floats, so quotes are allowed here, not required.
    /// </summary>
    [GeneratedRegex("^(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9][0-9_]*(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLike();

    /// <summary>YAML 1.2.2 section 10.3.2, the core schema: null, bool, int and float.</summary>
    [GeneratedRegex("""
        ^(?:null|Null|NULL|~|true|True|TRUE|false|False|FALSE
        |[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+
        |[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Yaml12Core();

    /// <summary>
    /// The YAML 1.1 type repository (yaml.org/type: bool, null, int, float, timestamp); float as PyYAML reads it,
    /// since the published regex would also take <c>1.2.3</c>, which no 1.1 reader does.
    /// </summary>
    [GeneratedRegex("""
        ^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF
        |~|null|Null|NULL
        |[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
        |[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
        |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)
        |[0-9]{4}-[0-9]{2}-[0-9]{2}
        |[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Yaml11();
}
