using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pipeline.Containers;

namespace Pipeline.Rehearsal.Soak;

/// <summary>
/// The GitOps repository every promoter of a soak writes to: one Helm values file per app under <c>apps/</c> and a
/// <c>promotion.yaml</c> that routes each app's image to its own file, so promoters race for the branch, not for a file.
/// </summary>
/// <param name="Registry">The registry host in the image names (one that answers fast when asked, or not at all).</param>
/// <param name="Apps">How many apps.</param>
public sealed record SoakRepository(string Registry, int Apps)
{
    /// <summary>The name of app <paramref name="index"/> (from 0).</summary>
    public static string App(int index) => "app-" + index.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>The values file of app <paramref name="index"/>.</summary>
    public static string ValuesPath(int index) => $"apps/{App(index)}/values.yaml";

    /// <summary>The image repository of app <paramref name="index"/>.</summary>
    public string Repository(int index) => $"{Registry}/soak/{App(index)}";

    /// <summary>The pinned image app <paramref name="index"/> promotes in <paramref name="round"/> (from 1): tag <c>rN</c>, a digest of its own.</summary>
    public ImageReference Image(int index, int round)
    {
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{App(index)} round {round}")));
        return ImageReference.Parse($"{Repository(index)}:r{round.ToString(CultureInfo.InvariantCulture)}@sha256:{digest}");
    }

    /// <summary>The values file of app <paramref name="index"/> pinned to <paramref name="tag"/>.</summary>
    public string Values(int index, string tag) =>
        $"# {App(index)}\nimage:\n  repository: {Repository(index)}\n  tag: \"{tag}\" # set by the promoter\nreplicas: 1\n";

    /// <summary>The spec: each app's image goes to its own values file, environment <c>prod</c>.</summary>
    public string Spec()
    {
        var text = new StringBuilder("apps:\n");
        for (var i = 0; i < Apps; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {App(i)}:\n    image: {Repository(i)}\n    environments:\n      prod:\n")
                .Append(CultureInfo.InvariantCulture, $"        files:\n          - path: {ValuesPath(i)}\n            helm: image.tag\n");
        }

        return text.ToString();
    }

    /// <summary>Writes the spec and every values file (tag <c>r0</c>) into <paramref name="directory"/>.</summary>
    public void WriteTo(string directory)
    {
        File.WriteAllText(Path.Combine(directory, "promotion.yaml"), Spec());
        for (var i = 0; i < Apps; i++)
        {
            var path = Path.Combine(directory, ValuesPath(i));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Values(i, "r0"));
        }
    }
}
