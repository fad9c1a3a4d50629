using System.Globalization;

namespace Pipeline.LocalRehearsal.Soak;

/// <summary>
/// What one writer did under a soak, checked against the repository's final history rather than taken from the
/// promoters' word.
/// </summary>
/// <param name="Writer">The write method's name.</param>
/// <param name="Promoters">Concurrent promoters.</param>
/// <param name="Rounds">Rounds per promoter.</param>
/// <param name="Promotions">Every promotion, as reported.</param>
/// <param name="Wall">Wall time of all promotions.</param>
public sealed record SoakRun(string Writer, int Promoters, int Rounds, IReadOnlyList<SoakPromotion> Promotions, TimeSpan Wall)
{
    /// <summary>Promotions started.</summary>
    public int Attempted => Promotions.Count;

    /// <summary>Promotions whose pin is in the final history exactly once.</summary>
    public int Landed { get; init; }

    /// <summary>Commits reported as landed that the final history does not hold (must be 0).</summary>
    public int Lost { get; init; }

    /// <summary>Promotions whose pin the history holds more than once (must be 0).</summary>
    public int Duplicated { get; init; }

    /// <summary>Promotions reported as failed whose pin is in the history all the same (a write that landed unseen).</summary>
    public int Unreported { get; init; }

    /// <summary>Apps whose values file does not end up exactly as their last landed promotion left it (must be 0).</summary>
    public int WrongFiles { get; init; }

    /// <summary>Requests the server answered, and how many of them with an error (injected or not).</summary>
    public (int All, int Failed) Requests { get; init; }

    /// <summary>The median of re-reads per promotion.</summary>
    public int RetriesMedian => Percentile(0.5);

    /// <summary>The 95th percentile of re-reads per promotion.</summary>
    public int RetriesP95 => Percentile(0.95);

    /// <summary>The most common errors, with how often each occurred.</summary>
    public IReadOnlyList<(string Error, int Count)> Errors => Promotions
        .Where(p => p.Error is not null)
        .GroupBy(p => Shorten(p.Error!))
        .Select(g => (g.Key, g.Count()))
        .OrderByDescending(e => e.Item2)
        .Take(5)
        .ToList();

    /// <summary>Whether every promotion landed exactly once, none was lost and every file is right.</summary>
    public bool Converged => Landed == Attempted && Lost == 0 && Duplicated == 0 && WrongFiles == 0;

    private int Percentile(double share)
    {
        if (Promotions.Count == 0)
        {
            return 0;
        }

        var sorted = Promotions.Select(p => p.Retries).Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static string Shorten(string error)
    {
        // Shas, numbers and app names differ from one promotion to the next; the kind of failure does not.
        var text = System.Text.RegularExpressions.Regex.Replace(error, "[0-9a-f]{40}", "<sha>");
        text = System.Text.RegularExpressions.Regex.Replace(text, @"app-\d+", "app-N");
        text = System.Text.RegularExpressions.Regex.Replace(text, @"\b\d+(\.\d+)?\b", "N");
        return text.Length > 160 ? text[..160] + "..." : text;
    }

    /// <summary>One line of the soak table.</summary>
    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"{Writer,-9} {Promoters,4} x {Rounds,-3} {Landed,5}/{Attempted,-5} {Lost,4} {Duplicated,4} {WrongFiles,6} {RetriesMedian,7} {RetriesP95,5} {Wall.TotalSeconds,8:0.0} s {Requests.All,8} {Requests.Failed,7}");

    /// <summary>The header of <see cref="Row"/>.</summary>
    public static string Header =>
        "writer    promoters  landed      lost  dup  wrong  median   p95      wall  requests  errors";
}
