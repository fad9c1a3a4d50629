namespace Pipeline.Containers;

/// <summary>Turns <see cref="BuildxSettings"/> into the <c>docker buildx build</c> command line.</summary>
public static class BuildxArguments
{
    /// <summary>The environment variable that carries secret <paramref name="id"/> to buildx.</summary>
    public static string SecretVariable(string id) =>
        "PIPELINE_BUILDX_SECRET_" + new string(id.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    /// <summary>The command line for <paramref name="settings"/>, writing metadata to <paramref name="metadataFile"/>.</summary>
    public static CommandLine Build(string docker, BuildxSettings settings, string metadataFile)
    {
        if (settings.Output == BuildxOutput.Load && settings.Platforms.Count > 1)
        {
            throw new BuildInputException("--platforms", string.Join(',', settings.Platforms), "--load takes one platform; push a multi-platform image instead.");
        }

        var command = new CommandLine(docker).Add("buildx", "build", "--progress", settings.Progress);
        if (settings.Builder is { } builder)
        {
            command = command.Add("--builder", builder);
        }

        if (settings.Dockerfile is { } dockerfile)
        {
            command = command.Add("--file", dockerfile);
        }

        if (settings.Platforms.Count > 0)
        {
            command = command.Add("--platform", string.Join(',', settings.Platforms));
        }

        command = settings.Tags.Aggregate(command, (c, tag) => c.Add("--tag", tag.ToString()));
        command = Sorted(settings.BuildArgs).Aggregate(command, (c, p) => c.Add("--build-arg", $"{p.Key}={p.Value}"));
        command = settings.SecretBuildArgs.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Aggregate(command, (c, p) => c.Add("--build-arg").AddSecret($"{p.Key}=", p.Value));
        command = settings.Secrets.Keys.Order(StringComparer.Ordinal)
            .Aggregate(command, (c, id) => c.Add("--secret", $"id={id},env={SecretVariable(id)}"));
        command = Sorted(settings.Labels).Aggregate(command, (c, p) => c.Add("--label", $"{p.Key}={p.Value}"));
        command = Sorted(settings.Annotations).Aggregate(command, (c, p) => c.Add("--annotation", $"{p.Key}={p.Value}"));
        command = settings.CacheFrom.Aggregate(command, (c, cache) => c.Add("--cache-from", cache));
        command = settings.CacheTo.Aggregate(command, (c, cache) => c.Add("--cache-to", cache));
        if (settings.Provenance is { } provenance)
        {
            command = command.Add($"--provenance={(provenance ? "true" : "false")}");
        }

        if (settings.Sbom is { } sbom)
        {
            command = command.Add($"--sbom={(sbom ? "true" : "false")}");
        }

        if (settings.Target is { } target)
        {
            command = command.Add("--target", target);
        }

        if (settings.NoCache)
        {
            command = command.Add("--no-cache");
        }

        command = settings.Output switch
        {
            BuildxOutput.Push => command.Add("--push"),
            BuildxOutput.Load => command.Add("--load"),
            BuildxOutput.PushByDigest => command.Add(
                "--output",
                $"type=image,name={(settings.PushByDigestRepository ?? throw new BuildInputException("--image", null, "a push by digest needs the repository to push to.")).Name},push-by-digest=true,name-canonical=true,push=true"),
            _ => command,
        };
        return command.Add("--metadata-file", metadataFile).Add([.. settings.ExtraArguments]).Add(settings.Context);
    }

    private static IEnumerable<KeyValuePair<string, string>> Sorted(IReadOnlyDictionary<string, string> values) =>
        values.OrderBy(p => p.Key, StringComparer.Ordinal);
}
