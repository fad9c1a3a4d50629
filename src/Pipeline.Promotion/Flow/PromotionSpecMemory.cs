using System.Collections.Concurrent;

namespace Pipeline.Promotion;

/// <summary>
/// The specs this process has read from GitOps branches, each with its blob sha. A later promotion to the same branch
/// reads the spec again in the same query as the files that remembered spec names, and uses the files only when the
/// spec's blob is still the one remembered: one request instead of two, never a stale spec. <see cref="Shared"/> is the
/// one every <see cref="Promoter"/> uses unless <see cref="PromoterOptions.SpecMemory"/> says otherwise; the dry run
/// that <c>BumpGitOps</c> checks before the build with is what fills it for the promotion after the build.
/// </summary>
public sealed class PromotionSpecMemory
{
    private readonly ConcurrentDictionary<string, Remembered> _specs = new(StringComparer.Ordinal);

    /// <summary>The memory of this process.</summary>
    public static PromotionSpecMemory Shared { get; } = new();

    internal Remembered? Recall(string target, string? branch) => _specs.GetValueOrDefault(Key(target, branch));

    internal void Remember(string target, string? branch, Remembered spec) => _specs[Key(target, branch)] = spec;

    private static string Key(string target, string? branch) => target + "\n" + (branch ?? "");

    /// <summary>A spec as read: its parsed form and the sha of the blob it was parsed from.</summary>
    internal sealed record Remembered(PromotionSpec Spec, string BlobSha);
}
