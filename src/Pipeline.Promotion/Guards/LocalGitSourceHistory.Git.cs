using System.Diagnostics;

namespace Pipeline.Promotion;

public sealed partial class LocalGitSourceHistory
{
    private async Task<(int Code, string Output, string Error)> FetchAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        // An empty home: no ~/.gitconfig, no ~/.netrc, no credential store; the clone's own config still applies.
        var home = Directory.CreateTempSubdirectory("pipeline-fetch-home-").FullName;
        try
        {
            return await GitAsync(["-c", "credential.helper=", "-c", "core.askPass=", "fetch", "--quiet", .. arguments], cancellationToken, new Dictionary<string, string?>
            {
                ["HOME"] = home,
                ["XDG_CONFIG_HOME"] = Path.Combine(home, ".config"),
                ["GIT_CONFIG_NOSYSTEM"] = "1",
                ["GIT_CONFIG_GLOBAL"] = Path.Combine(home, "empty.gitconfig"),
                ["GIT_ASKPASS"] = "",
                ["SSH_ASKPASS"] = null,
            }).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private async Task<(int Code, string Output, string Error)> GitAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(directory);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new PromotionException("git could not be started; install git and put it on PATH.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, (await output.ConfigureAwait(false)).Trim(), (await error.ConfigureAwait(false)).Trim());
    }
}
