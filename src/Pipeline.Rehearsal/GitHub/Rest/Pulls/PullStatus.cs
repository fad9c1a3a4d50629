namespace Pipeline.Rehearsal.GitHub.Rest.Pulls;

/// <summary>Whether a pull request can merge now, and GitHub's <c>mergeable_state</c> for it.</summary>
internal sealed record PullStatus(bool? Mergeable, string State, string? Blocker)
{
    public bool CanMerge => Mergeable == true && Blocker is null;

    public static async Task<PullStatus> ComputeAsync(RepositoryState repository, PullRequestState pull, CancellationToken ct)
    {
        if (pull.State != "open")
        {
            return new PullStatus(null, "unknown", "Pull Request is not mergeable");
        }

        var head = await repository.Git.ReadRefAsync("refs/heads/" + pull.HeadRef, ct);
        var @base = await repository.Git.ReadRefAsync("refs/heads/" + pull.BaseRef, ct);
        if (head is null || @base is null)
        {
            return new PullStatus(false, "dirty", "Pull Request is not mergeable");
        }

        if (await repository.Git.MergeTreeAsync(@base, head, ct) is null)
        {
            return new PullStatus(false, "dirty", "Pull Request is not mergeable");
        }

        if (MissingCheck(repository, pull.BaseRef, head) is { } blocker)
        {
            return new PullStatus(true, "blocked", blocker);
        }

        return new PullStatus(true, pull.Draft ? "draft" : "clean", pull.Draft ? "Pull Request is still a draft" : null);
    }

    /// <summary>The first required check of the base branch that has not succeeded on <paramref name="head"/>.</summary>
    public static string? MissingCheck(RepositoryState repository, string baseBranch, string head)
    {
        if (repository.ProtectionOf(baseBranch) is not { RequiredChecks.Count: > 0 } protection)
        {
            return null;
        }

        lock (repository.Checks)
        {
            var checks = repository.Checks.GetValueOrDefault(head);
            foreach (var name in protection.RequiredChecks)
            {
                var conclusion = checks?.GetValueOrDefault(name);
                if (conclusion != CheckConclusion.Success)
                {
                    return conclusion == CheckConclusion.Failure
                        ? $"Required status check \"{name}\" is failing."
                        : $"Required status check \"{name}\" is expected.";
                }
            }
        }

        return null;
    }
}
