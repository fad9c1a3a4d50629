namespace Pipeline.Containers.Tests.Unit;

public sealed class DockerfileTests
{
    [Fact]
    public void Instructions_join_continuations_skip_comments_and_split_flags()
    {
        var file = Dockerfile.Parse("\uFEFF# syntax=docker/dockerfile:1\n\nfrom scratch AS app\r\n# note\ncopy --chown=1:2 --link \\\n  # skipped inside\n\n  a.txt \\\n  /b/\nCMD [\"x\", \"y\"]\nENTRYPOINT [not json\n", "Dockerfile");

        file.Escape.Should().Be('\\');
        file.Instructions.Select(i => (i.Line, i.Keyword, i.Arguments)).Should().Equal(
            (3, "FROM", "scratch AS app"),
            (5, "COPY", "a.txt   /b/"),
            (10, "CMD", "[\"x\", \"y\"]"),
            (11, "ENTRYPOINT", "[not json"));
        file.Instructions[1].Flags.Should().Equal("--chown=1:2", "--link");
        file.Instructions[1].Flag("CHOWN").Should().Be("1:2");
        file.Instructions[1].Flag("link").Should().BeEmpty();
        file.Instructions[1].Flag("chmod").Should().BeNull();
        file.Instructions[2].JsonForm().Should().Equal("x", "y");
        file.Instructions[3].JsonForm().Should().BeNull();
    }

    [Fact]
    public void The_escape_directive_changes_the_continuation_character()
    {
        var file = Dockerfile.Parse("# escape=`\nFROM scratch\nCOPY a.txt `\n  C:\\dest\\\n", "Dockerfile");

        file.Escape.Should().Be('`');
        file.Instructions[1].Arguments.Should().Be("a.txt   C:\\dest\\");
    }

    [Theory]
    [InlineData("# escape=x\nFROM scratch\n", "Dockerfile:1: invalid escape character 'x'; use \\ or `.")]
    [InlineData("# escape=`\n# ESCAPE=\\\nFROM scratch\n", "Dockerfile:2: the parser directive 'ESCAPE' is given twice; keep one.")]
    public void Bad_directives_name_the_line(string text, string message)
    {
        var act = () => Dockerfile.Parse(text, "Dockerfile");

        act.Should().Throw<DockerfileException>().WithMessage(message).Which.NeedsEngine.Should().BeFalse();
    }

    [Theory]
    [InlineData("$A-${A}", "1-1")]
    [InlineData("${MISSING:-fallback} ${MISSING-x} ${EMPTY:-e} ${EMPTY-e}", "fallback x e ")]
    [InlineData("${A:+set} ${MISSING:+set} ${EMPTY+set} ${EMPTY:+set}", "set  set ")]
    [InlineData("'$A' \"$A\" \\$A $ ${A}b", "$A 1 $A $ 1b")]
    [InlineData("\"q\\\"uote\\\\ \\x\"", "q\"uote\\ \\x")]
    [InlineData("${SPACED}", "two words")]
    public void Words_expand_as_buildkit_does(string text, string expected)
    {
        var env = new Dictionary<string, string> { ["A"] = "1", ["EMPTY"] = string.Empty, ["SPACED"] = "two words" };

        new DockerfileWords('\\', env.GetValueOrDefault).Word(text).Should().Be(expected);
    }

    [Fact]
    public void Words_split_unquoted_text_and_expansions_but_not_quoted_ones()
    {
        var env = new Dictionary<string, string> { ["SPACED"] = "two words" };

        new DockerfileWords('\\', env.GetValueOrDefault).Words("a  $SPACED \"$SPACED\" 'c d' e\\ f \"\"").Should().Equal("a", "two", "words", "two words", "c d", "e f", string.Empty);
    }

    [Theory]
    [InlineData("${A:?must be set}", "A: must be set")]
    [InlineData("${A?}", "A: is not set")]
    [InlineData("${A", "missing '}' after ${A")]
    [InlineData("${}", "bad substitution: ${} needs a variable name")]
    [InlineData("${A#x}", "unsupported modifier in ${A#...}; use :-, -, :+, + or :?")]
    [InlineData("'open", "unexpected end of text: a single quote is not closed")]
    public void Bad_expansions_say_what_is_wrong(string text, string message)
    {
        var act = () => new DockerfileWords('\\', _ => null).Word(text);

        act.Should().Throw<FormatException>().WithMessage(message);
    }

    [Fact]
    public void Go_quoting_matches_the_history_buildkit_writes()
    {
        GoText.QuoteList(["/bin/sh", "-c", "echo \"hi\"\t\\ é\u0001"]).Should().Be("[\"/bin/sh\" \"-c\" \"echo \\\"hi\\\"\\t\\\\ é\\x01\"]");
        GoText.SetMap(["80/tcp", "443/tcp", "53/udp"]).Should().Be("map[443/tcp:{} 53/udp:{} 80/tcp:{}]");
    }
}
