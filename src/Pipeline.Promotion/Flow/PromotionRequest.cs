using Pipeline.Containers;

namespace Pipeline.Promotion;

/// <summary>
/// Everything one promotion needs: the pinned image, and the <see cref="PromotionSettings"/> of where and how it is
/// written (repository, branch, spec, environments, write method, credentials, guards). Immutable; derive with
/// <c>with</c>.
/// </summary>
public sealed record PromotionRequest : PromotionSettings
{
    /// <summary>A request to promote <paramref name="image"/> into <paramref name="target"/>, with default settings.</summary>
    /// <param name="target">The GitOps repository.</param>
    /// <param name="image">The pinned image, <c>registry/repo:tag@sha256:...</c>.</param>
    public PromotionRequest(PromotionTarget target, ImageReference image)
        : base(target)
    {
        Image = image ?? throw new ArgumentNullException(nameof(image));
    }

    /// <summary>A request to promote <paramref name="image"/> with <paramref name="settings"/>.</summary>
    /// <param name="settings">Where and how to write.</param>
    /// <param name="image">The pinned image, <c>registry/repo:tag@sha256:...</c>.</param>
    public PromotionRequest(PromotionSettings settings, ImageReference image)
        : base(settings ?? throw new ArgumentNullException(nameof(settings)))
    {
        Image = image ?? throw new ArgumentNullException(nameof(image));
    }

    /// <summary>The pinned image, <c>registry/repo:tag@sha256:...</c>; both the tag and the digest are required.</summary>
    public ImageReference Image { get; init; }
}
