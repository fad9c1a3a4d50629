using Pipeline.Targets;

namespace Pipeline.Components.Tests.Support;

/// <summary>The build the validation tests run: the whole Promote chain of the components, nothing else.</summary>
internal sealed class PromoteBuild : PipelineBuild, IPromote;

/// <summary>
/// A repository with one commit, a service to build (<c>app/Dockerfile</c>) and a GitOps directory (<c>gitops/</c>) whose
/// promotion.yaml deploys <see cref="Image"/> to <c>dev</c> through the container of a Deployment.
/// </summary>
internal sealed class PromoteFixture : IDisposable
{
    public const string Image = "localhost:5999/app";

    public const string Spec = """
        apps:
          app:
            image: localhost:5999/app
            environments:
              dev:
                files:
                  - path: deploy.yaml
                    container: app
        """;

    public const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: app }
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: localhost:5999/app:old
        """;

    public BuildRun Run { get; } = new();

    public string Root => Run.Root;

    public static async Task<PromoteFixture> CreateAsync(string spec = Spec)
    {
        var fixture = new PromoteFixture();
        fixture.Write("app/Dockerfile", "FROM scratch\nCOPY . /\n");
        fixture.Write("gitops/promotion.yaml", spec + "\n");
        fixture.Write("gitops/deploy.yaml", Deployment + "\n");
        await Git.InitAsync(fixture.Root, "Add the service");
        return fixture;
    }

    public void Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public bool Exists(string relative) => File.Exists(Path.Combine(Root, relative));

    /// <summary>
    /// <c>Promote --skip Test</c> with this fixture's image, context and GitOps directory, unless <paramref name="arguments"/>
    /// give their own (a target name first replaces Promote).
    /// </summary>
    public Task<BuildOutcome> PromoteAsync(params string[] arguments)
    {
        var defaults = new[] { ("--image", Image), ("--context", "app"), ("--gitops-repository", "gitops") }
            .Where(d => !arguments.Contains(d.Item1))
            .SelectMany(d => new[] { d.Item1, d.Item2 });
        string[] target = arguments.Length > 0 && !arguments[0].StartsWith('-') ? [] : ["Promote", "--skip", "Test"];
        return Run.RunAsync(new PromoteBuild(), [.. target, .. arguments, .. defaults]);
    }

    public void Dispose() => Run.Dispose();
}
