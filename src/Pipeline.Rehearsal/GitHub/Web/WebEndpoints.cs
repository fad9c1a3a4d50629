using System.Net;
using Pipeline.Rehearsal.GitHub.Rest.Commits;
using Pipeline.Rehearsal.GitHub.Rest.Pulls;

namespace Pipeline.Rehearsal.GitHub.Web;

/// <summary>
/// Minimal HTML pages behind the <c>html_url</c> links the API hands out, so that a link a rehearsal prints opens:
/// a repository, a pull request (state, branches, body, diff), a commit and a comparison. They are for a person on
/// this machine: no sign-in, loopback only, like the rest of the server.
/// </summary>
internal static class WebEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        routes.MapGet("/{owner}/{repo}", context => RepositoryAsync(context, state)).WithMetadata(new WebPage());
        routes.MapGet("/{owner}/{repo}/pull/{number:int}", context => PullAsync(context, state)).WithMetadata(new WebPage());
        routes.MapGet("/{owner}/{repo}/commit/{sha}", context => CommitAsync(context, state)).WithMetadata(new WebPage());
        routes.MapGet("/{owner}/{repo}/compare/{**basehead}", context => CompareAsync(context, state)).WithMetadata(new WebPage());
    }

    private static async Task RepositoryAsync(HttpContext context, GitHubState state)
    {
        var repository = Find(context, state);
        var branches = await repository.Git.ListRefsAsync("refs/heads/", context.RequestAborted);
        List<PullRequestState> pulls;
        lock (repository.PullRequests)
        {
            pulls = [.. repository.PullRequests.OrderByDescending(p => p.Number)];
        }

        var links = context.Links();
        var html = new StringBuilder()
            .Append("<h2>Branches</h2><ul>")
            .AppendJoin("", branches.Select(b => $"<li>{E(b.Name["refs/heads/".Length..])} <a href=\"{E(links.RepoHtml(repository.FullName))}/commit/{b.Sha}\"><code>{b.Sha[..7]}</code></a></li>"))
            .Append("</ul><h2>Pull requests</h2><ul>")
            .AppendJoin("", pulls.Select(p => $"<li><a href=\"{E(links.RepoHtml(repository.FullName))}/pull/{p.Number}\">#{p.Number} {E(p.Title)}</a> ({StateOf(p)})</li>"))
            .Append("</ul>");
        await PageAsync(context, repository.FullName, html.ToString());
    }

    private static async Task PullAsync(HttpContext context, GitHubState state)
    {
        var repository = Find(context, state);
        var number = int.Parse(context.Route("number"), System.Globalization.CultureInfo.InvariantCulture);
        PullRequestState pull;
        lock (repository.PullRequests)
        {
            pull = repository.PullRequests.FirstOrDefault(p => p.Number == number) ?? throw ApiErrorException.NotFound();
        }

        var (from, to) = await PullFiles.RangeAsync(repository, pull, context.RequestAborted);
        var diff = await CommitText.DiffAsync(repository, from, to, patch: false, context.RequestAborted);
        var merged = pull.MergeCommitSha is { } sha ? $" as <a href=\"../commit/{sha}\"><code>{sha[..7]}</code></a>" : "";
        await PageAsync(context, $"{E(pull.Title)} #{pull.Number}",
            $"<p><strong>{StateOf(pull)}</strong>{merged}: {E(pull.User.Login)} wants to merge <code>{E(pull.HeadRef)}</code> into <code>{E(pull.BaseRef)}</code>"
            + (pull.AutoMerge is { } auto ? $"; auto-merge ({E(auto.MergeMethod)}) enabled by {E(auto.EnabledBy.Login)}" : "") + "</p>"
            + $"<pre class=\"body\">{E(pull.Body ?? "")}</pre><h2>Files changed</h2>" + Diff(diff), repository.FullName);
    }

    private static async Task CommitAsync(HttpContext context, GitHubState state)
    {
        var repository = Find(context, state);
        var commit = await repository.Git.ReadCommitAsync(context.Route("sha"), context.RequestAborted) ?? throw ApiErrorException.NotFound();
        var diff = await CommitText.DiffAsync(repository, commit.Parents.Count > 0 ? commit.Parents[0] : BranchAndCommitEndpoints.EmptyTree,
            commit.Sha, patch: false, context.RequestAborted);
        var verified = Rest.GitData.GitPresenter.IsSignedByGitHub(repository, commit) ? " <strong>Verified</strong>" : "";
        await PageAsync(context, E(commit.Message.Split('\n')[0]),
            $"<p>Commit <code>{commit.Sha}</code>{verified}: {E(commit.Author.Name)} authored, {E(commit.Committer.Name)} committed on {Timestamps.Format(commit.Committer.When)}</p>"
            + $"<pre class=\"body\">{E(commit.Message)}</pre>" + Diff(diff), repository.FullName);
    }

    private static async Task CompareAsync(HttpContext context, GitHubState state)
    {
        var repository = Find(context, state);
        var basehead = context.Route("basehead");
        var parts = basehead.Split("...", 2);
        var @base = parts.Length == 2 ? await repository.Git.ResolveCommitAsync(parts[0], context.RequestAborted) : null;
        var head = parts.Length == 2 ? await repository.Git.ResolveCommitAsync(parts[1], context.RequestAborted) : null;
        if (@base is null || head is null)
        {
            throw ApiErrorException.NotFound();
        }

        var mergeBase = await repository.Git.MergeBaseAsync(@base, head, context.RequestAborted) ?? @base;
        var diff = await CommitText.DiffAsync(repository, mergeBase, head, patch: false, context.RequestAborted);
        await PageAsync(context, "Comparing " + E(basehead), Diff(diff), repository.FullName);
    }

    private static RepositoryState Find(HttpContext context, GitHubState state) =>
        state.FindRepository(context.Route("owner"), context.Route("repo")) ?? throw ApiErrorException.NotFound();

    private static string StateOf(PullRequestState pull) => pull.MergedAt is not null ? "Merged" : pull.State == "open" ? "Open" : "Closed";

    private static string Diff(string diff) =>
        "<pre class=\"diff\">" + string.Join('\n', diff.Split('\n').Select(line => line switch
        {
            _ when line.StartsWith("diff --git", StringComparison.Ordinal) => $"<b>{E(line)}</b>",
            _ when line.StartsWith('+') && !line.StartsWith("+++", StringComparison.Ordinal) => $"<ins>{E(line)}</ins>",
            _ when line.StartsWith('-') && !line.StartsWith("---", StringComparison.Ordinal) => $"<del>{E(line)}</del>",
            _ => E(line),
        })) + "</pre>";

    private static Task PageAsync(HttpContext context, string title, string body, string? repository = null)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        var home = repository is null ? "" : $"<p><a href=\"{E(context.Links().RepoHtml(repository))}\">{E(repository)}</a></p>";
        return context.Response.WriteAsync(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title><style>"
            + "body{font-family:sans-serif;margin:2em}pre{background:#f6f8fa;padding:1em;overflow:auto}"
            + "ins{background:#e6ffec;text-decoration:none}del{background:#ffebe9;text-decoration:none}"
            + "</style></head><body>" + home + "<h1>" + title + "</h1>" + body + "</body></html>", context.RequestAborted);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
