using Pipeline.Processes;

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
        var variables = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>()) { ["GIT_TERMINAL_PROMPT"] = "0", ["LC_ALL"] = "C" };
        var request = new ProcessRequest("git", ["-C", directory, .. arguments]) { ThrowOnFailure = false, Environment = variables };
        try
        {
            var result = await ProcessRunner.RunAsync(request, cancellationToken).ConfigureAwait(false);
            return (result.ExitCode, result.StandardOutput.Trim(), result.StandardError.Trim());
        }
        catch (ProcessException exception) when (exception.Failure == ProcessFailure.NotStarted)
        {
            throw new PromotionException("git could not be started; install git and put it on PATH.", exception);
        }
    }
}
