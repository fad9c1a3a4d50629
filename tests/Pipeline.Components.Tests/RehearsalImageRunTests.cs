using Pipeline.Targets;

namespace Pipeline.Components.Tests;

public sealed class RehearsalImageRunTests
{
    [Theory]
    [InlineData("info", new[] { "info" })]
    [InlineData("  serve   --port 8080 ", new[] { "serve", "--port", "8080" })]
    [InlineData("sh -c 'httpd -p 8080 && wget -q -O - http://127.0.0.1:8080/'", new[] { "sh", "-c", "httpd -p 8080 && wget -q -O - http://127.0.0.1:8080/" })]
    [InlineData("echo \"a \\\"b\\\"\" c\\ d ''", new[] { "echo", "a \"b\"", "c d", "" })]
    public void A_command_splits_into_words_as_a_shell_would(string command, string[] words) =>
        RehearsalImageRun.Split(command).Should().Equal(words);

    [Fact]
    public void An_unclosed_quote_is_refused() =>
        FluentActions.Invoking(() => RehearsalImageRun.Split("sh -c 'oops")).Should().Throw<BuildException>().WithMessage("*unclosed ' quote*");

    [Theory]
    [InlineData("{\"app\":\"demo\",\"commit\":\"abc\"}", "abc")]
    [InlineData("{\"commit\": 5}", null)]
    [InlineData("commit abc", null)]
    [InlineData("{not json", null)]
    public void The_commit_an_image_reports_is_read_from_a_json_line(string line, string? commit) =>
        RehearsalImageRun.ReportedCommit(line).Should().Be(commit);
}
