using System.Security.Cryptography;

namespace Pipeline.Processes.Tests;

/// <summary>Secrets in what a process prints and in how its command line is shown.</summary>
public sealed class ProcessRedactionTests
{
    private static readonly Secret Token = new("ghs_" + RandomNumberGenerator.GetHexString(40, lowercase: true));

    [Fact]
    public async Task Every_form_printed_by_a_process_is_masked_in_the_streamed_lines_the_result_and_the_exception()
    {
        var forms = SecretFormsTests.WrittenForms(Token.Reveal()).Values.ToArray();
        var lines = new List<string>();
        var script = "for f in \"$@\"; do echo \"out $f\"; echo \"err $f\" >&2; done; exit 4";

        var failure = (await FluentActions.Awaiting(() => ProcessRunner.RunAsync(new ProcessRequest("/bin/sh", ["-c", script, "sh", .. forms]) { Output = lines.Add, EchoCommandLine = true }))
            .Should().ThrowAsync<ProcessException>()).Which;

        var everything = string.Join('\n', lines) + failure.Message + failure.CommandLine + failure.StandardErrorTail;
        lines.Should().HaveCount(1 + 2 * forms.Length);
        lines.Where(l => l.StartsWith("out ", StringComparison.Ordinal)).Should().OnlyContain(l => l.Contains("***"));
        Token.IsContainedIn(everything).Should().BeFalse();
        SecretFormsTests.Leaks(everything, Token.Reveal()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_secret_written_in_pieces_with_pauses_is_masked_in_its_line()
    {
        var value = Token.Reveal();
        var lines = new List<string>();
        var script = $"printf 'token: {value[..10]}'; sleep 0.2; printf '{value[10..25]}'; sleep 0.2; printf '{value[25..]} done\\n'";

        await ProcessRunner.RunAsync(new ProcessRequest("/bin/sh", ["-c", script]) { Output = lines.Add, ShownAs = "sh -c <script>" });

        lines.Should().Equal("token: *** done");
    }

    [Fact]
    public async Task A_secret_wrapped_over_lines_by_base64_is_masked_on_both_lines()
    {
        var lines = new List<string>();
        var header = SecretForms.TokenUser + ":" + Token.Reveal();

        var result = await ProcessRunner.RunAsync(new ProcessRequest("base64", []) { Input = ProcessInput.FromText(header), Output = lines.Add });

        result.StandardOutput.TrimEnd().Split('\n').Should().HaveCount(2, "base64 wraps at 76 columns, so the test covers a wrapped secret");
        lines.Should().HaveCount(2).And.OnlyContain(l => l.Contains("***"));
        SecretFormsTests.Leaks(string.Join("", lines), Token.Reveal()).Should().BeEmpty();
    }

    [Fact]
    public void Line_writer_masks_a_secret_split_at_any_point_across_two_lines()
    {
        var value = Token.Reveal();
        for (var split = 1; split < value.Length; split++)
        {
            var lines = new List<string>();
            var writer = new RedactingLineWriter(lines.Add);

            writer.WriteLine("a line before");
            writer.WriteLine("key " + value[..split]);
            writer.WriteLine(value[split..] + " end");
            writer.Flush();

            lines.Should().HaveCount(3);
            lines[0].Should().Be("a line before");
            lines[2].Should().Be("*** end", $"split at {split}");
            if (split >= SecretRegistry.MinimumLength)
            {
                lines[1].Should().Be("key ***", $"split at {split}");
            }
        }
    }

    [Fact]
    public void The_command_line_shows_secrets_in_arguments_as_the_mask()
    {
        var header = "http.extraHeader=Authorization: Basic " + SecretFormsTests.Base64(SecretForms.TokenUser + ":" + Token.Reveal());
        var request = new ProcessRequest("git", ["-c", header, "push", $"https://x-access-token:{Token.Reveal()}@example.invalid/r.git", "two words"]);

        request.CommandLine.Should().Be("git -c 'http.extraHeader=Authorization: Basic ***' push https://x-access-token:***@example.invalid/r.git 'two words'");
    }
}
