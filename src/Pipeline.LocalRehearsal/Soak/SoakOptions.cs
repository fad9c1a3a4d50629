using Pipeline.Promotion;

namespace Pipeline.LocalRehearsal.Soak;

/// <summary>
/// How hard a soak pushes: how many promoters write to one branch at once, how many rounds each runs one after the
/// other, the share of requests answered with an injected fault, and which writers are tried.
/// </summary>
public sealed record SoakOptions
{
    /// <summary>Concurrent promoters (one app each) for the API writers. Default 50.</summary>
    public int Promoters { get; init; } = 50;

    /// <summary>Promotions each API promoter runs, one after the other. Default 5.</summary>
    public int Rounds { get; init; } = 5;

    /// <summary>Concurrent promoters for the <c>git</c> writer (over git smart HTTP). Default 20.</summary>
    public int GitPromoters { get; init; } = 20;

    /// <summary>Promotions each <c>git</c> promoter runs. Default 5.</summary>
    public int GitRounds { get; init; } = 5;

    /// <summary>
    /// Percentage of requests answered with an injected fault instead of being served: 502, 503 and 429 with
    /// <c>Retry-After</c> on reads; 502, 409, 422 and 429 on writes, in equal shares. Default 20.
    /// </summary>
    public int FaultPercent { get; init; } = 20;

    /// <summary>The writers to soak, one after the other, each against its own server and repository.</summary>
    public IReadOnlyList<WriteMethod> Writers { get; init; } = [WriteMethod.GraphQL, WriteMethod.GitData, WriteMethod.Contents, WriteMethod.Git];

    /// <summary>Seed of the fault draws, so that a run can be repeated.</summary>
    public int Seed { get; init; } = 1103;

    /// <summary>The time budget of each promotion's conflict retries; null keeps the promoter's default.</summary>
    public TimeSpan? Budget { get; init; }

    /// <summary>
    /// Whether promoters of one process share the promoter's per-branch queue (as promoters in one program do); false
    /// makes each promoter behave as if it ran in a process of its own, so only the retry loop settles the contention.
    /// </summary>
    public bool SharedQueue { get; init; } = true;

    /// <summary>Progress lines.</summary>
    public Action<string> Log { get; init; } = _ => { };

    internal void Validate()
    {
        if (Promoters < 1 || Rounds < 1 || GitPromoters < 1 || GitRounds < 1)
        {
            throw new ArgumentException("A soak needs at least one promoter and one round; check --soak-promoters, --soak-rounds and their git counterparts.");
        }

        if (FaultPercent is < 0 or > 90)
        {
            throw new ArgumentException($"--soak-faults {FaultPercent} is not a percentage from 0 to 90.");
        }

        if (Writers.Any(w => w is WriteMethod.Worktree or WriteMethod.Dispatch))
        {
            throw new ArgumentException("The soak writes through graphql, git-data, contents or git; worktree and dispatch make no commits to race for.");
        }
    }
}
