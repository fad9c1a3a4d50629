using System.Text;
using System.Text.Json;

namespace Pipeline.Containers;

/// <summary>
/// A temporary <c>DOCKER_CONFIG</c> folder whose <c>config.json</c> holds the given registry credentials, so buildx can
/// push with them without <c>docker login</c> changing the user's own config. The user's <c>cli-plugins</c> and
/// <c>buildx</c> folders (plugin and builder instances) are linked in. Deleted on dispose.
/// </summary>
internal sealed class TemporaryDockerConfig : IDisposable
{
    private TemporaryDockerConfig(string folder) => Folder = folder;

    public string Folder { get; }

    public static TemporaryDockerConfig Create(IReadOnlyDictionary<string, RegistryCredential> credentials, string? userConfigFolder = null)
    {
        var folder = Directory.CreateTempSubdirectory("pipeline-docker-config-").FullName;
        var auths = credentials.ToDictionary(
            p => p.Key,
            p => new DockerConfigAuth(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{p.Value.Username}:{p.Value.Password.Reveal()}")), null, null));
        File.WriteAllBytes(Path.Combine(folder, "config.json"), JsonSerializer.SerializeToUtf8Bytes(new DockerConfigFile(auths), ContainersJsonContext.Default.DockerConfigFile));
        var user = userConfigFolder
            ?? Environment.GetEnvironmentVariable("DOCKER_CONFIG")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
        foreach (var name in new[] { "cli-plugins", "buildx" })
        {
            if (Directory.Exists(Path.Combine(user, name)))
            {
                Directory.CreateSymbolicLink(Path.Combine(folder, name), Path.Combine(user, name));
            }
        }

        return new TemporaryDockerConfig(folder);
    }

    public void Dispose()
    {
        try
        {
            foreach (var link in Directory.EnumerateFileSystemEntries(Folder).Where(e => new FileInfo(e).LinkTarget is not null))
            {
                Directory.Delete(link);
            }

            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Nothing secret is left readable by others: the folder is created with the user's private temp permissions.
        }
    }
}
