using Pipeline.Containers;

namespace Pipeline.Promotion;

public sealed partial class Promoter
{
    private static IReadOnlyList<AppSpec> SelectApps(PromotionSpec spec, PromotionRequest request, ImageReference image)
    {
        if (request.App is { } name)
        {
            var app = spec.FindApp(name) ?? throw new PromotionRequestException(
                $"{spec.Source} has no app '{name}'; it has {string.Join(", ", spec.Apps.Select(a => a.Name))}.");
            if (app.Image.Name != image.Name)
            {
                throw new PromotionRequestException(
                    $"App '{name}' deploys {app.Image.Name}, not {image.Name}; promote the app's own image, or fix 'image:' in {spec.Source}.");
            }

            return [app];
        }

        var apps = spec.AppsForImage(image);
        return apps.Count > 0
            ? apps
            : throw new PromotionRequestException(
                $"No app in {spec.Source} deploys {image.Name}; its apps deploy {string.Join(", ", spec.Apps.Select(a => $"{a.Name} ({a.Image.Name})"))}. Name the app, or add it to the spec.");
    }

    private static (List<(AppSpec App, EnvironmentSpec Environment)> Selected, List<PromotionResult> NotRouted) Route(
        PromotionSpec spec, PromotionRequest request, ImageReference image)
    {
        var selected = new List<(AppSpec, EnvironmentSpec)>();
        var notRouted = new List<PromotionResult>();
        var apps = SelectApps(spec, request, image);
        foreach (var name in request.Environments.Where(e => apps.All(a => a.FindEnvironment(e) is null)))
        {
            throw new PromotionRequestException(
                $"{string.Join(", ", apps.Select(a => $"App '{a.Name}'"))} has no environment '{name}'; environments: "
                + $"{string.Join(", ", apps.SelectMany(a => a.Environments).Select(e => e.Name).Distinct())}.");
        }

        foreach (var app in apps)
        {

            foreach (var environment in app.Environments)
            {
                var asked = request.Environments.Contains(environment.Name, StringComparer.Ordinal);
                if (request.Environments.Count > 0 && !asked)
                {
                    continue;
                }

                if (environment.When.Explain(image.Tag!, request.Source.Branch) is { } reason)
                {
                    if (asked)
                    {
                        notRouted.Add(new PromotionResult(app.Name, environment.Name, PromotionStatus.NotRouted) { Image = image.ToString(), Reason = reason });
                    }

                    continue;
                }

                selected.Add((app, environment));
            }
        }

        return (selected, notRouted);
    }
}
