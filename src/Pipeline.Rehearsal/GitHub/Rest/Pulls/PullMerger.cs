namespace Pipeline.Rehearsal.GitHub.Rest.Pulls;

/// <summary>Merges a pull request into its base branch in the real repository: merge commit, squash or rebase.</summary>
internal static class PullMerger
{
    public const string Docs = "https://docs.github.com/rest/pulls/pulls#merge-a-pull-request";

    /// <summary>Merges under the repository lock; returns the new base head.</summary>
    public static async Task<string> MergeAsync(GitHubState state, RepositoryState repository, PullRequestState pull,
        AccountState merger, string method, string? expectedHeadSha, string? title, string? message, CancellationToken ct)
    {
        if (method is not ("merge" or "squash" or "rebase"))
        {
            throw ApiErrorException.Unprocessable(
                $"Invalid merge_method \"{method}\"; use merge, squash or rebase.", Docs);
        }

        using (await repository.LockAsync(ct))
        {
            var status = await PullStatus.ComputeAsync(repository, pull, ct);
            if (pull.State != "open")
            {
                throw new ApiErrorException(405, "Pull Request is not mergeable", Docs);
            }

            var head = await repository.Git.ReadRefAsync("refs/heads/" + pull.HeadRef, ct);
            if (expectedHeadSha is not null && expectedHeadSha != head)
            {
                throw ApiErrorException.Conflict("Head branch was modified. Review and try the merge again.", Docs);
            }

            if (!status.CanMerge || head is null)
            {
                throw new ApiErrorException(405, status.Blocker ?? "Pull Request is not mergeable", Docs);
            }

            var @base = (await repository.Git.ReadRefAsync("refs/heads/" + pull.BaseRef, ct))!;
            var now = state.Now;
            var committer = Writes.WebFlow(now);
            var author = new GitIdentity(merger.Login, $"{merger.Id}+{merger.Login}@users.noreply.github.com", now);
            string result;
            switch (method)
            {
                case "merge":
                    {
                        var tree = (await repository.Git.MergeTreeAsync(@base, head, ct))!;
                        var text = (title ?? $"Merge pull request #{pull.Number} from {repository.Owner.Login}/{pull.HeadRef}")
                            + "\n\n" + (message ?? pull.Title) + "\n";
                        result = await repository.Git.CommitTreeAsync(tree, [@base, head], text, author, committer, ct,
                            Writes.SignerFor(repository, true, now));
                        break;
                    }

                case "squash":
                    {
                        var tree = (await repository.Git.MergeTreeAsync(@base, head, ct))!;
                        var text = (title ?? $"{pull.Title} (#{pull.Number})") + "\n\n" + (message ?? pull.Body ?? "") + "\n";
                        var pullAuthor = new GitIdentity(pull.User.Login, $"{pull.User.Id}+{pull.User.Login}@users.noreply.github.com", now);
                        result = await repository.Git.CommitTreeAsync(tree, [@base], text.TrimEnd('\n') + "\n", pullAuthor, committer, ct,
                            Writes.SignerFor(repository, true, now));
                        break;
                    }

                default:
                    result = await RebaseAsync(repository, @base, head, committer, ct);
                    break;
            }

            if (!await repository.Git.CompareAndSwapRefAsync("refs/heads/" + pull.BaseRef, result, @base, ct))
            {
                throw ApiErrorException.Conflict("Base branch was modified. Review and try the merge again.", Docs);
            }

            repository.PushedAt = now;
            pull.State = "closed";
            pull.MergedAt = now;
            pull.ClosedAt = now;
            pull.UpdatedAt = now;
            pull.MergeCommitSha = result;
            pull.MergedBy = merger;
            pull.HeadShaAtClose = head;
            pull.AutoMerge = null;
            return result;
        }
    }

    private static async Task<string> RebaseAsync(RepositoryState repository, string @base, string head,
        GitIdentity committer, CancellationToken ct)
    {
        var current = @base;
        foreach (var sha in await repository.Git.CommitsBetweenAsync(@base, head, ct))
        {
            var commit = (await repository.Git.ReadCommitAsync(sha, ct))!;
            if (commit.Parents.Count > 1)
            {
                continue;
            }

            var onto = (await repository.Git.ReadCommitAsync(current, ct))!.Tree;
            var tree = await repository.Git.ReplayAsync(sha, onto, ct)
                ?? throw new ApiErrorException(405, "This branch can't be rebased", Docs);
            current = await repository.Git.CommitTreeAsync(tree, [current], commit.Message, commit.Author, committer, ct,
                Writes.SignerFor(repository, true, committer.When));
        }

        return current;
    }
}
