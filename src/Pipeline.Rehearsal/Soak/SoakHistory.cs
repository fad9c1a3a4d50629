using System.Text;
using Pipeline.Promotion;
using Pipeline.Rehearsal.GitHub.Git;

namespace Pipeline.Rehearsal.Soak;

/// <summary>Judges a soak by the repository's final history: what landed, what was lost, what landed twice, and the files.</summary>
internal static class SoakHistory
{
    public static async Task<SoakRun> CheckAsync(SoakRun run, string bareRepository, SoakRepository layout, CancellationToken cancellationToken)
    {
        var git = new GitCli(bareRepository);
        var log = await git.RunAsync(["log", "--format=%H%x00%B%x1e", "refs/heads/main"], ct: cancellationToken).ConfigureAwait(false);
        var commits = Encoding.UTF8.GetString(log.Output).Split('\x1e')
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
            var shown = await git.RunAsync(["cat-file", "blob", "refs/heads/main:" + SoakRepository.ValuesPath(app.Key)], ct: cancellationToken).ConfigureAwait(false);
            if (shown.ExitCode != 0 || Encoding.UTF8.GetString(shown.Output) != expected)
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
