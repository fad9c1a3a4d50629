namespace Pipeline.Containers;

/// <summary>The outcome of a <c>docker buildx build</c>.</summary>
/// <param name="Metadata">The parsed metadata file.</param>
/// <param name="CommandLine">The command line that ran, secrets masked.</param>
public sealed record BuildxResult(BuildxMetadata Metadata, string CommandLine);

/// <summary>
/// Runs <c>docker buildx build</c> and reads its metadata file. Output lines are passed on with secrets masked;
/// a failure raises <see cref="ProcessException"/> with the exit code, the masked command line and the end of stderr.
/// </summary>
/// <param name="docker">The docker program; <c>docker</c> finds it on PATH.</param>
public sealed class BuildxDriver(string docker = "docker")
{
    /// <summary>The docker program this driver runs.</summary>
    public string Docker { get; } = docker;

    /// <summary>True when <c>docker buildx version</c> succeeds, i.e. the buildx plugin is installed.</summary>
    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var request = new CommandLine(Docker).Add("buildx", "version").ToRequest() with { ThrowOnFailure = false };
            return (await ProcessRunner.RunAsync(request, cancellationToken).ConfigureAwait(false)).ExitCode == 0;
        }
        catch (ProcessException)
        {
            return false;
        }
    }

    /// <summary>Runs the build described by <paramref name="settings"/>.</summary>
    /// <param name="settings">What to build.</param>
    /// <param name="output">Receives each output line, secrets masked.</param>
    /// <param name="credentials">Registry credentials by registry, handed to buildx in a temporary DOCKER_CONFIG; null for the user's own.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    public async Task<BuildxResult> BuildAsync(
        BuildxSettings settings,
        IProgress<string>? output = null,
        IReadOnlyDictionary<string, RegistryCredential>? credentials = null,
        CancellationToken cancellationToken = default)
    {
        BuildContextArchive.ResolveInputs(settings.Context, settings.Dockerfile);
        var metadataFile = settings.MetadataFile ?? Path.Combine(Path.GetTempPath(), $"pipeline-buildx-{Guid.NewGuid():N}.json");
        var command = BuildxArguments.Build(Docker, settings, metadataFile);
        var environment = settings.Secrets.ToDictionary(p => BuildxArguments.SecretVariable(p.Key), string? (p) => p.Value.Reveal());
        using var config = credentials is { Count: > 0 } ? TemporaryDockerConfig.Create(credentials) : null;
        if (config is not null)
        {
            environment["DOCKER_CONFIG"] = config.Folder;
        }

        try
        {
            var request = command.ToRequest() with { Environment = environment, Output = output is null ? null : output.Report, EchoCommandLine = true, ThrowOnFailure = false };
            var result = await ProcessRunner.RunAsync(request, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw ProcessException.Exited(result.CommandLine, result.ExitCode, result.ErrorTail(40), FixFor(result.ErrorTail(40)));
            }

            if (!File.Exists(metadataFile))
            {
                throw new ContainerException($"'{result.CommandLine}' wrote no metadata file at {metadataFile}; is the buildx plugin at least version 0.6?");
            }

            return new BuildxResult(await BuildxMetadata.ReadAsync(metadataFile, cancellationToken).ConfigureAwait(false), command.ToString());
        }
        finally
        {
            if (settings.MetadataFile is null && File.Exists(metadataFile))
            {
                File.Delete(metadataFile);
            }
        }
    }

    private static string FixFor(string stderr) =>
        stderr.Contains("is not a docker command", StringComparison.Ordinal) || stderr.Contains("unknown command", StringComparison.OrdinalIgnoreCase)
            ? "The buildx plugin is not installed; install docker-buildx or use --build-strategy engine."
            : stderr.Contains("multiple platforms feature is currently not supported", StringComparison.Ordinal)
                ? "The current builder cannot build several platforms; create one with 'docker buildx create --use' or use --build-strategy engine."
                : stderr.Contains("unauthorized", StringComparison.OrdinalIgnoreCase) || stderr.Contains("denied", StringComparison.OrdinalIgnoreCase)
                    ? "The registry refused the push; log in ('docker login') or pass registry credentials."
                    : "See the build output above.";
}
