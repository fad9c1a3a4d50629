using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>Builds one image for several platforms and pushes it.</summary>
public interface IBuildMultiArchImage : IHazImage, ITest
{
    /// <summary>
    /// Builds <see cref="IHazImage.Platforms"/> and pushes the index under the short commit and <see cref="IHazImage.Tags"/>;
    /// writes <c>artifacts/image.json</c>. With the split strategy and one platform, builds and pushes only that
    /// platform and writes <c>artifacts/platform-&lt;os&gt;-&lt;arch&gt;.json</c> for <see cref="MergeImage"/>.
    /// </summary>
    Target BuildMultiArchImage => _ => _
        .Description("Builds the image for every platform and pushes it (buildx, the Docker Engine API, or one platform per runner).")
        .DependsOn(Test)
        .Requires(() => Image)
        .Validates(check => ImageChecks.Check(this, check, builds: true))
        .Produces("artifacts/image.json", "artifacts/platform-*.json")
        .Executes(context => ImageTargets.BuildAsync(this, context));

    /// <summary>Split strategy: assembles the index from the platform records in <c>artifacts/</c> and pushes it.</summary>
    Target MergeImage => _ => _
        .Description("Split strategy: assembles the index from the platform digests in artifacts/ and pushes it under the tags.")
        .After(BuildMultiArchImage)
        .Requires(() => Image)
        .Validates(check => ImageChecks.Check(this, check, builds: false))
        .Produces("artifacts/image.json")
        .Executes(context => ImageTargets.MergeAsync(this, context));
}
