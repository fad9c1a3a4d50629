namespace Pipeline.Rehearsal.GitHub.Hosting;

/// <summary>
/// The URLs a response embeds: API links follow the prefix the request used (root or <c>/api/v3</c>), web links
/// use the configured web host, and clone URLs point at this server's smart HTTP endpoint.
/// </summary>
internal sealed record Links(string Api, string Web, string Server)
{
    public string Repo(string fullName) => Api + "repos/" + fullName;

    public string RepoHtml(string fullName) => Web + fullName;

    public string User(string login) => Api + "users/" + Uri.EscapeDataString(login);

    public string UserHtml(string login) => Web + Uri.EscapeDataString(login);

    public string CloneUrl(string fullName) => Server + fullName + ".git";
}
