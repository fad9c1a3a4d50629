using Pipeline.Promotion;
using Pipeline.Rehearsal.Soak;

namespace Pipeline.LocalRehearsal.Soak;

/// <summary>Judges a soak by the repository's final history: what landed, what was lost, what landed twice, and the files.</summary>
internal static class SoakHistory
{
    private static readonly Dictionary<string, string?> Isolated = new(StringComparer.Ordinal)
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GIT_DIR"] = null,
    };

    public static async Task<SoakRun> CheckAsync(SoakRun run, string bareRepository, SoakRepository layout, CancellationToken cancellationToken)
    {
        Task<ProcessResult> Git(params string[] arguments) => ProcessRunner.RunAsync(
            new ProcessRequest("git", ["--git-dir=" + bareRepository, .. arguments]) { Environment = Isolated, ThrowOnFailure = false }, cancellationToken);
        var log = await Git("log", "--format=%H%x00%B%x1e", "refs/heads/main").ConfigureAwait(false);
        var commits = log.StandardOutput.Split('\x1e')
            .Select(record => record.TrimStart('\n').Split('\0', 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => (Sha: parts[0], Trailers: PromotionTrailers.Parse(parts[1])))
            .ToList();
        var shas = commits.Select(c => c.Sha).ToHashSet(StringComparer.Ordinal);
        var pins = commits
            .Where(c => c.Trailers.PromotedImage is not null && c.Trailers.Environment == "prod")
            .GroupBy(c => c.Trailers.PromotedImage!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        int Times(SoakPromotion promotion) => pins.GetValueOrDefault(promotion.Image);
        var wrongFiles = 0;
        foreach (var app in run.Promotions.GroupBy(p => p.App))
        {
            var last = app.Where(p => Times(p) > 0).OrderByDescending(p => p.Round).FirstOrDefault();
            var expected = layout.Values(app.Key, last is null ? "r0" : "r" + last.Round);
            var shown = await Git("cat-file", "blob", "refs/heads/main:" + SoakRepository.ValuesPath(app.Key)).ConfigureAwait(false);
            if (shown.ExitCode != 0 || shown.StandardOutput != expected)
            {
                wrongFiles++;
            }
        }

        return run with
        {
            Landed = run.Promotions.Count(p => Times(p) == 1),
            Duplicated = run.Promotions.Count(p => Times(p) > 1),
            Lost = run.Promotions.Count(p => p.ReportedLanded && (Times(p) == 0 || (p.CommitSha is { } sha && !shas.Contains(sha)))),
            Unreported = run.Promotions.Count(p => !p.ReportedLanded && Times(p) > 0),
            WrongFiles = wrongFiles,
        };
    }
}
