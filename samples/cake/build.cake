// A Cake build that promotes with Pipeline's libraries: no target engine, the same promotion code as the pipeline's
// BumpGitOps. The packages come from a NuGet source Cake is given (CAKE_NUGET_SOURCE, or --nuget_source), e.g. the
// artifacts/packages folder that ./build.sh Pack fills, followed by nuget.org for their dependencies.
// Pinned as Cake asks of every addin: change the version to the release you use.
#addin nuget:?package=Pipeline.Promotion&version=1.0.0&loaddependencies=true

using Pipeline.Containers;
using Pipeline.Promotion;

var target = Argument("target", "Promote");
var gitops = Argument("gitops", "gitops");
var imageReference = Argument<string>("image-reference");
var app = Argument<string>("app", null);
var environments = Argument("environment", "");
var dryRun = HasArgument("dry-run");

Task("Promote")
    .Description("Writes the pinned image into the GitOps directory, per its promotion.yaml.")
    .Does(async () =>
    {
        var image = ImageReference.Parse(imageReference);
        var directory = MakeAbsolute(Directory(gitops)).FullPath;
        var request = new PromotionRequest(PromotionTarget.Parse(directory), image)
        {
            App = app,
            Environments = environments.Split(',', StringSplitOptions.RemoveEmptyEntries),
            DryRun = dryRun,
            Source = new PromotionSource("cake-sample", null),
        };
        var report = await new Promoter().PromoteAsync(request);
        foreach (var result in report.Results)
        {
            Information("{0}/{1}: {2}", result.App, result.Environment, result.Status);
            foreach (var file in result.Files)
                Information(file.Diff);
        }
        if (report.Results.Count == 0)
            throw new Exception($"No environment of {directory}/promotion.yaml routes {image}.");
    });

RunTarget(target);
