namespace Pipeline.Containers.Tests.Support;

/// <summary>Runs real programs (skopeo, sha256sum, docker) for tests that check results with tools other than ours.</summary>
public static class Shell
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(new ProcessRequest(program, arguments) { ThrowOnFailure = false });
        return (result.ExitCode, result.StandardOutput, result.StandardError);
    }

    public static async Task<string> OutputAsync(string program, params string[] arguments)
    {
        var (code, stdout, stderr) = await RunAsync(program, arguments);
        code.Should().Be(0, $"{program} {string.Join(' ', arguments)} failed: {stderr}");
        return stdout;
    }
}

/// <summary>Collects output lines synchronously.</summary>
public sealed class LineCollector : IProgress<string>
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToArray();
            }
        }
    }

    public string Text => string.Join('\n', Lines);

    public void Report(string value)
    {
        lock (_lines)
        {
            _lines.Add(value);
        }
    }
}
