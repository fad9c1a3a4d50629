using System.Text;

namespace Pipeline.Benchmarks.GitHub;

/// <summary>
/// A GitOps repository to promote into: <c>promotion.yaml</c> at the root (read from the branch, as when no spec is
/// passed) with one app whose environments each pin tag and digest in Helm values files.
/// </summary>
internal static class GitOpsSeed
{
    public const string Image = "ghcr.io/example-org/app";
    public const string Tag = "1.4.2";
    public const string Digest = "sha256:4b1c2a9e8f7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170f6e5d4c";

    public static string Reference => $"{Image}:{Tag}@{Digest}";

    /// <summary>The files of each environment: <c>envs/env-01/app-001/values.yaml</c>...</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Layout(int environments, int filesPerEnvironment) =>
        Enumerable.Range(1, environments)
            .Select(e => (IReadOnlyList<string>)Enumerable.Range(1, filesPerEnvironment).Select(f => $"envs/env-{e:D2}/app-{f:D3}/values.yaml").ToList())
            .ToList();

    /// <summary>Writes the spec and every values file into <paramref name="folder"/>.</summary>
    public static void Write(string folder, IReadOnlyList<IReadOnlyList<string>> layout)
    {
        var spec = new StringBuilder($"apps:\n  app:\n    image: {Image}\n    environments:\n");
        for (var e = 0; e < layout.Count; e++)
        {
            spec.Append($"      env-{e + 1:D2}:\n        files:\n");
            foreach (var path in layout[e])
            {
                spec.Append($"          - path: {path}\n            helm: {{ tag: image.tag, digest: image.digest }}\n");
                var file = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, Values(path));
            }
        }

        File.WriteAllText(Path.Combine(folder, "promotion.yaml"), spec.ToString());
    }

    private static string Values(string path) => $"""
        # {path}: managed by the promotion; edit by hand only outside the image block
        replicaCount: 2
        image:
          repository: {Image}
          tag: "0.9.0"   # pinned by CI
          digest: ""
          pullPolicy: IfNotPresent
        resources: {"{"}limits: {"{"}cpu: 500m, memory: 256Mi{"}"}{"}"}

        """;
}
