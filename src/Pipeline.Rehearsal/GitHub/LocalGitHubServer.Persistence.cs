namespace Pipeline.Rehearsal.GitHub;

public sealed partial class LocalGitHubServer
{
    /// <summary>
    /// Opens a repository kept in <see cref="LocalGitHubServerOptions.DataDirectory"/> by an earlier server, or creates
    /// (and seeds) it when there is none. Returns true when it was created.
    /// </summary>
    public async Task<bool> OpenOrCreateRepositoryAsync(string owner, string name, string defaultBranch = "main",
        string? seedDirectory = null, CancellationToken ct = default)
    {
        var path = BareRepositoryPath(owner, name);
        var exists = File.Exists(Path.Combine(path, "refs", "heads", defaultBranch)) || File.Exists(Path.Combine(path, "packed-refs"));
        if (!exists)
        {
            await CreateRepositoryAsync(owner, name, defaultBranch, seedDirectory, ct);
            return true;
        }

        // git init on an existing bare repository keeps its objects and refs; this only registers it with the server.
        await _state.CreateRepositoryAsync(owner, name, defaultBranch, ct);
        return false;
    }
}
