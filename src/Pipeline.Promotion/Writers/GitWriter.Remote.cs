namespace Pipeline.Promotion.Writers;

internal sealed partial class GitWriter
{
    private async Task InitAsync(CancellationToken cancellationToken)
    {
        await _initialised.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_ready)
            {
                await _git.RunAsync(["init", "--bare", "-q"], cancellationToken: cancellationToken).ConfigureAwait(false);
                _ready = true;
            }
        }
        finally
        {
            _initialised.Release();
        }
    }

    /// <summary>Fetches <paramref name="branch"/> and returns its head, or null when the remote has no such branch.</summary>
    private async Task<string?> FetchAsync(string branch, CancellationToken cancellationToken)
    {
        await InitAsync(cancellationToken).ConfigureAwait(false);
        var local = "refs/remotes/origin/" + branch;
        string[] arguments = ["fetch", "--no-tags", "-q", _url, $"+refs/heads/{branch}:{local}"];
        var result = await _git.RunAsync(arguments, check: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            if (result.StandardError.Contains("couldn't find remote ref", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            throw RemoteFailure(arguments, result, branch);
        }

        return (await _git.RunAsync(["rev-parse", local], cancellationToken: cancellationToken).ConfigureAwait(false)).Text;
    }

    /// <summary>Makes sure <paramref name="sha"/> is here, fetching every branch when it is not.</summary>
    private async Task EnsureCommitAsync(string sha, CancellationToken cancellationToken)
    {
        await InitAsync(cancellationToken).ConfigureAwait(false);
        var present = await _git.RunAsync(["cat-file", "-e", sha + "^{commit}"], check: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (present.ExitCode != 0)
        {
            await FetchAllAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Fetches every branch, for a commit that was not fetched yet.</summary>
    private Task FetchAllAsync(CancellationToken cancellationToken) =>
        _git.RunAsync(["fetch", "--no-tags", "-q", _url, "+refs/heads/*:refs/remotes/origin/*"], cancellationToken: cancellationToken);

    /// <summary>Pushes <paramref name="sha"/> (null deletes) to <paramref name="branch"/>, never forcing.</summary>
    private async Task PushAsync(string? sha, string branch, string? expectedHead, CancellationToken cancellationToken)
    {
        await InitAsync(cancellationToken).ConfigureAwait(false);
        string[] arguments = ["push", "--porcelain", _url, $"{sha}:refs/heads/{branch}"];
        var result = await _git.RunAsync(arguments, check: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw RemoteFailure(arguments, result, branch, expectedHead);
        }
    }

    /// <summary>The exception for a failed push or fetch, by what git says happened (<see cref="GitRemoteFailure"/>).</summary>
    private PromotionException RemoteFailure(string[] arguments, GitResult result, string branch, string? expectedHead = null)
    {
        var output = result.Text + "\n" + result.StandardError;
        var reason = GitRemoteFailure.Reason(result.StandardError.Length > 0 ? result.StandardError : output);
        var command = string.Join(' ', arguments);
        return GitRemoteFailure.Classify(output) switch
        {
            GitRemoteFailureKind.LostRace => new WriteConflictException(branch, expectedHead,
                $"{Repository} {branch} moved since {expectedHead ?? "it"} was fetched ({reason}); fetch again and re-apply."),
            GitRemoteFailureKind.ProtectedBranch => new ProtectedBranchException(Repository, branch,
                $"{Repository}: branch {branch} is protected and refused the push ({ProtectionLine(result.StandardError)}). Not retried: use mode: pull-request, "
                + "set fallbackToPullRequest: true, or let the pushing identity bypass the protection."),
            GitRemoteFailureKind.Authentication => new PromotionGitException(command, result.ExitCode, result.StandardError,
                $"{Repository} refused the credentials for git {arguments[0]} ({reason}). Not retried: check that the token is set, not expired, "
                + "and may write to the repository (contents: write); credential helpers and ~/.netrc are never used."),
            GitRemoteFailureKind.MissingRepository => new PromotionGitException(command, result.ExitCode, result.StandardError,
                $"{Repository} was not found by git {arguments[0]} ({reason}). Not retried: check the repository URL, and that the token can see the repository."),
            GitRemoteFailureKind.Transient => new PromotionGitException(command, result.ExitCode, result.StandardError,
                $"{Repository} failed for a moment during git {arguments[0]} ({reason}); the promotion fetches again and retries within its budget.")
            {
                IsTransient = true,
            },
            _ => GitProcess.Failure(arguments, result),
        };
    }

    private static string ProtectionLine(string text) =>
        text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("GH006", StringComparison.Ordinal) || l.Contains("protected", StringComparison.OrdinalIgnoreCase))
        ?? text.Split('\n')[0].Trim();
}
