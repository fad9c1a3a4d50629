namespace Pipeline.EndToEnd;

/// <summary>
/// A test that needs a running Docker engine: skipped with the reason when there is none, unless
/// PIPELINE_REQUIRE_DOCKER=1 (as on CI), where it runs and fails instead.
/// </summary>
public sealed class DockerFactAttribute : FactAttribute
{
    public DockerFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PIPELINE_REQUIRE_DOCKER") == "1")
            return;
        int exitCode;
        try
        {
            exitCode = RepositoryClone.Run("docker", ["info", "--format", "{{.ServerVersion}}"], Path.GetTempPath()).ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            exitCode = -1;
        }
        if (exitCode != 0)
            Skip = "No Docker engine answers `docker info`; start one (or set PIPELINE_REQUIRE_DOCKER=1 to fail instead of skipping).";
    }
}

/// <summary>Tests that start a registry on a fixed loopback port (5780, 5781) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoopbackRegistryPort
{
    public const string Name = "Fixed loopback registry ports";
}
