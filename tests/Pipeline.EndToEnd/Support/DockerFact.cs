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
        {
            return;
        }

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
        {
            Skip = "No Docker engine answers `docker info`; start one (or set PIPELINE_REQUIRE_DOCKER=1 to fail instead of skipping).";
        }
    }
}

/// <summary>
/// The tests that start the rehearsal's registry on its fixed loopback port 5780 run one at a time (alongside the other
/// collections: the consumer build's rehearsal uses 5781, the others a free port).
/// </summary>
[CollectionDefinition(Name)]
public sealed class LoopbackRegistryPort
{
    public const string Name = "Fixed loopback registry port 5780";
}
