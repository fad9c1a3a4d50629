using Pipeline.Containers;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>What the image targets check before anything runs: the image name, the platforms, the context, the push credential.</summary>
internal static class ImageChecks
{
    /// <summary>The repository to push to, the platforms and, when <paramref name="builds"/>, the context and Dockerfile.</summary>
    public static void Check(IHazImage build, TargetValidation check, bool builds)
    {
        if (Repository(build, check) is { } image)
        {
            check.Setting("image repository", image.Name, check.SourceOf(nameof(IHazImage.Image)));
            if (!build.DryRun)
            {
                CheckPushCredential(build, check, image);
            }
        }
        var bad = build.Platforms.Select(p => Platform.TryParse(p, out _, out var error) ? null : error).FirstOrDefault(e => e is not null);
        if (bad is not null || build.Platforms.Length == 0)
        {
            check.Problem($"--platforms '{string.Join(',', build.Platforms)}' is not a list of platforms: {bad ?? "it is empty"}.", "name os/arch pairs, e.g. --platforms linux/amd64,linux/arm64.", nameof(IHazImage.Platforms));
        }

        if (builds && CheckContext(build, check) && bad is null && build.Platforms.Length > 0)
        {
            CheckDockerfile(build, check);
        }
    }

    /// <summary>CaptureDigest alone (a later job) reads the record a build wrote: it must be there, and of <c>--image</c>.</summary>
    public static void CheckCapture(IHazImage build, TargetValidation check)
    {
        if (build.DryRun || check.WillRun("BuildMultiArchImage") || check.WillRun("MergeImage"))
        {
            return;
        }

        var relative = build.ImageRecordPath.RelativeTo(build.RootDirectory);
        if (!build.ImageRecordPath.FileExists())
        {
            check.Problem($"{relative} is missing, and no BuildMultiArchImage or MergeImage runs before CaptureDigest.",
                "run BuildMultiArchImage (drop --skip), or bring artifacts/image.json from the job that built the image.");
            return;
        }
        var recorded = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(build.ImageRecordPath))?["repository"]?.GetValue<string>();
        if (Repository(build, check) is { } image && recorded is not null && ImageReference.TryParse(recorded, out var other, out _) && other.Name != image.Name)
        {
            check.Problem($"{relative} records {recorded}{(ImageOrigin.Read(build.ImageRecordPath) is { } origin ? $", written by {origin}" : "")}, not --image {build.Image}.",
                "run BuildMultiArchImage for --image (drop --skip), or set --image to the image that was built.", nameof(IHazImage.Image));
        }
    }

    /// <summary>The parsed <c>--image</c>, or null after reporting what is wrong with it.</summary>
    public static ImageReference? Repository(IHazImage build, TargetValidation check)
    {
        if (build.Image is not { } text)
        {
            return null;
        }

        try
        {
            return ImageReference.ForRepository(text);
        }
        catch (InvalidImageReferenceException exception)
        {
            check.Problem($"--image '{text}' is not an image repository: {exception.Reason}.",
                "give the repository to push to, without tag or digest, e.g. --image ghcr.io/org/app (tags go in --tags).", nameof(IHazImage.Image));
            return null;
        }
    }

    /// <summary>True when the context and the Dockerfile exist.</summary>
    private static bool CheckContext(IHazImage build, TargetValidation check)
    {
        if (!build.Context.DirectoryExists())
        {
            check.Problem($"the build context {Show(build, build.Context)} does not exist.",
                "point --context at the directory holding the Dockerfile and the files it copies (relative paths start at the root).", nameof(IHazImage.Context));
            return false;
        }
        var dockerfile = build.Dockerfile ?? build.Context / "Dockerfile";
        if (!dockerfile.FileExists())
        {
            check.Problem($"the Dockerfile {Show(build, dockerfile)} does not exist.",
                build.Dockerfile is null ? "add a Dockerfile to the context, or pass --dockerfile <path>." : "pass the path of an existing Dockerfile.",
                nameof(IHazImage.Dockerfile), nameof(IHazImage.Context));
            return false;
        }

        return true;
    }

    /// <summary>
    /// The Dockerfile read as the direct strategy reads it: with <c>--build-strategy direct</c> it must be one it can
    /// write; with <c>auto</c>, a mistake any builder would stop at (an unknown instruction, an ENV without a value) is
    /// found here. The files it copies are not looked for: an earlier target may write them.
    /// </summary>
    private static void CheckDockerfile(IHazImage build, TargetValidation check)
    {
        if (build.BuildStrategy is not (BuildStrategyKind.Direct or BuildStrategyKind.Auto))
        {
            return;
        }

        try
        {
            DirectStrategy.Check(build.Context, build.Dockerfile?.Value, Platform.ParseList(string.Join(',', build.Platforms)));
            check.Setting("image build", "direct: written from the context, no engine", check.SourceOf(nameof(IHazImage.BuildStrategy)));
        }
        catch (DockerfileException exception) when (exception.NeedsEngine && build.BuildStrategy == BuildStrategyKind.Auto)
        {
            check.Setting("image build", $"with a Docker engine ({exception.File}:{exception.Line} needs one)", check.SourceOf(nameof(IHazImage.BuildStrategy)));
        }
        catch (DockerfileException exception)
        {
            check.Problem(exception.Message.TrimEnd('.') + ".",
                exception.NeedsEngine
                    ? "pass --build-strategy auto (or engine, buildx), which builds this Dockerfile with a Docker engine."
                    : "fix the Dockerfile; every builder stops here.",
                nameof(IHazImage.Dockerfile), nameof(IHazImage.BuildStrategy));
        }
    }

    /// <summary>A push needs a credential, except to a registry on this machine or one reached over plain HTTP.</summary>
    private static void CheckPushCredential(IHazImage build, TargetValidation check, ImageReference image)
    {
        if (image.IsLoopbackRegistry || build.InsecureRegistries.Contains(image.Registry, StringComparer.OrdinalIgnoreCase) || build.RegistryPassword is { Length: > 0 })
        {
            return;
        }

        var found = new RegistryCredentialProvider(environment: name => build.EnvironmentVariables.TryGetValue(name, out var value) ? value : null).Find(image.Registry);
        if (found is not null)
        {
            check.Setting("registry login", $"{found.Username} ({found.Source})", found.Source);
            return;
        }
        var ghcr = image.Registry == "ghcr.io" ? ", or GITHUB_TOKEN for ghcr.io" : "";
        check.Problem($"pushing to {image.Registry} needs a credential, and none is set.",
            $"pass --registry-username and --registry-password, or run 'docker login {image.Registry}' (auths in ~/.docker/config.json){ghcr}; or --dry-run to push nothing.",
            nameof(IHazImage.Image), nameof(IHazImage.RegistryUsername), nameof(IHazImage.RegistryPassword), "GITHUB_TOKEN");
    }

    private static string Show(IPipelineBuild build, AbsolutePath path) =>
        path.ToString().StartsWith(build.RootDirectory.ToString(), StringComparison.Ordinal) ? path.RelativeTo(build.RootDirectory) : path.ToString();
}
