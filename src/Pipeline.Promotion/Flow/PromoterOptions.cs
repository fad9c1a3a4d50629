using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.GitHub;

namespace Pipeline.Promotion;

/// <summary>How a <see cref="Promoter"/> runs: logging, HTTP, and the waits between conflict retries.</summary>
public sealed record PromoterOptions
{
    /// <summary>Where steps, retries and guard decisions are logged; secrets never are.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>An HttpClient to share with the GitHub clients; null lets each create its own.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>Adjusts the options of every GitHub client the promoter creates (retries, clock, user agent).</summary>
    public Func<GitHubClientOptions, GitHubClientOptions> ConfigureGitHub { get; init; } = o => o;

    /// <summary>Waits between retries; tests pass one that records instead of sleeping (the budget counts the waits asked for).</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    /// <summary>The source of retry jitter.</summary>
    public Random Random { get; init; } = Random.Shared;

    /// <summary>
    /// Keeps promoters of this process from racing each other on one branch; <see cref="PromotionQueue.Shared"/> by
    /// default, null for none (each promoter then behaves as if it ran in a process of its own).
    /// </summary>
    public PromotionQueue? Queue { get; init; } = PromotionQueue.Shared;

    /// <summary>
    /// The specs read from branches, so that the next promotion to a branch reads its spec and files in one query;
    /// <see cref="PromotionSpecMemory.Shared"/> by default, null to read the spec on its own every time.
    /// </summary>
    public PromotionSpecMemory? SpecMemory { get; init; } = PromotionSpecMemory.Shared;

    /// <summary>
    /// Checks a dispatched image before anything is read or written for it (the digest in the registry, its media type
    /// and platforms); returns the commit the image says it was built from, or null. Null skips the check.
    /// </summary>
    public Func<Containers.ImageReference, CancellationToken, Task<string?>>? VerifyImage { get; init; }

    /// <summary>Wraps the writer, for logging, metrics, or to stage a competing writer in tests.</summary>
    public Func<IPromotionWriter, IPromotionWriter>? InterceptWriter { get; init; }
}
