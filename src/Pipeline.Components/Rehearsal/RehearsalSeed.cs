using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pipeline.Containers;
using Pipeline.Promotion;
using Pipeline.Promotion.Edits;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>
/// The team's GitOps files as the rehearsal's repository starts with them: the same files, except that every app's
/// <c>image:</c> in <c>promotion.yaml</c> is moved onto the rehearsal's local registry (<c>ghcr.io/org/app</c> becomes
/// <c>localhost:5780/org/app</c>), so one spec serves production and rehearsal. A fingerprint of the result tells
/// whether the repository must be seeded again.
/// </summary>
/// <param name="Directory">The prepared seed (under the rehearsal's state).</param>
/// <param name="App">The app rehearsed.</param>
/// <param name="LocalImage">The image the rehearsal builds: the app's image on the local registry.</param>
/// <param name="RegistryPort">The local registry's loopback port.</param>
/// <param name="Fingerprint">A hash of every file of the prepared seed.</param>
internal sealed record RehearsalSeed(AbsolutePath Directory, string App, ImageReference LocalImage, int RegistryPort, string Fingerprint)
{
    public const int DefaultRegistryPort = 5780;

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> with the spec's images moved onto the local registry.</summary>
    public static RehearsalSeed Prepare(AbsolutePath source, AbsolutePath target, string? rehearsalImage, string? app, string? image)
    {
        var specPath = source / PromotionSpec.DefaultFileName;
        if (!specPath.FileExists())
        {
            throw new BuildException($"The GitOps directory {source} has no {PromotionSpec.DefaultFileName}; the rehearsal seeds its repository with these files and promotes by that spec. Point --rehearsal-gitops at your GitOps repository's files.");
        }

        var spec = PromotionSpec.Load(specPath);
        var (port, local) = rehearsalImage is null ? (DefaultRegistryPort, (ImageReference?)null) : LoopbackImage(rehearsalImage);
        var chosen = ChooseApp(spec, port, local, app, image);

        if (target.DirectoryExists())
        {
            System.IO.Directory.Delete(target, recursive: true);
        }

        Copy(source, target);
        var text = Map(File.ReadAllText(specPath), spec, port, specPath);
        File.WriteAllText(target / PromotionSpec.DefaultFileName, text);
        return new RehearsalSeed(target, chosen.Name, OnLocalRegistry(chosen.Image, port), port, FingerprintOf(target));
    }

    /// <summary>A spec file given with <c>--promotion-spec</c>, moved onto the local registry the same way.</summary>
    public static string MapSpecFile(AbsolutePath path, int port)
    {
        var spec = PromotionSpec.Load(path);
        return Map(File.ReadAllText(path), spec, port, path);
    }

    /// <summary><c>registry/path</c> on <c>localhost:port</c>, keeping the path.</summary>
    public static ImageReference OnLocalRegistry(ImageReference image, int port) =>
        ImageReference.ForRepository($"localhost:{port.ToString(CultureInfo.InvariantCulture)}/{image.Repository}");

    /// <summary>The registry port and image of an explicit <c>--rehearsal-image</c>, which must be on loopback with a port.</summary>
    internal static (int Port, ImageReference Image) LoopbackImage(string text)
    {
        if (!ImageReference.TryParse(text, out var image, out var error))
        {
            throw new BuildException($"--rehearsal-image '{text}' is not an image name: {error}.");
        }

        var registry = image.Registry;
        var colon = registry.LastIndexOf(':');
        var host = colon < 0 ? registry : registry[..colon];
        if (host is not ("localhost" or "127.0.0.1") || colon < 0 || !int.TryParse(registry[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw new BuildException($"--rehearsal-image '{text}' must name a loopback registry with a port, such as localhost:5780/demo-service: the rehearsal starts that registry itself. Leave it out to rehearse the image promotion.yaml names, on localhost:{DefaultRegistryPort}.");
        }

        return (port, ImageReference.ForRepository($"localhost:{port.ToString(CultureInfo.InvariantCulture)}/{image.Repository}"));
    }

    private static AppSpec ChooseApp(PromotionSpec spec, int port, ImageReference? local, string? app, string? image)
    {
        string Listed() => string.Join(", ", spec.Apps.Select(a => $"{a.Name} ({a.Image.Name})"));
        if (app is not null)
        {
            var named = spec.FindApp(app) ?? throw new BuildException($"--gitops-app {app}: {spec.Source} has no such app; it has {Listed()}.");
            if (local is not null && OnLocalRegistry(named.Image, port).Name != local.Name)
            {
                throw new BuildException($"--rehearsal-image {local.Name} is not app {app}'s image on the local registry ({OnLocalRegistry(named.Image, port).Name}); leave --rehearsal-image out.");
            }

            return named;
        }
        if (local is not null)
        {
            return spec.Apps.FirstOrDefault(a => OnLocalRegistry(a.Image, port).Name == local.Name)
                ?? throw new BuildException($"--rehearsal-image {local.Name} is the image of no app of {spec.Source}: on the local registry its apps are {string.Join(", ", spec.Apps.Select(a => OnLocalRegistry(a.Image, port).Name))}. Leave --rehearsal-image out to rehearse the image the spec names.");
        }
        if (spec.Apps.Count == 1)
        {
            return spec.Apps[0];
        }

        if (image is not null && ImageReference.TryParse(image, out var production, out _) && spec.AppsForImage(production) is [var routed])
        {
            return routed;
        }

        throw new BuildException($"{spec.Source} has several apps ({Listed()}); name the one to rehearse with --gitops-app <app>.");
    }

    private static string Map(string text, PromotionSpec spec, int port, string source)
    {
        var document = ManifestDocument.FromText(source, text);
        foreach (var app in spec.Apps)
        {
            var path = $"apps.\"{app.Name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\".image";
            document = new HelmValuesEdit { Repository = path }.Apply(document, OnLocalRegistry(app.Image, port)).Document;
        }
        return document.Text;
    }

    private static void Copy(AbsolutePath source, AbsolutePath target)
    {
        target.CreateDirectory();
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] == ".git")
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(destination, File.GetUnixFileMode(file));
            }
        }
    }

    private static string FingerprintOf(AbsolutePath directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(directory, file).Replace('\\', '/') + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
            hash.AppendData("\n"u8);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
