namespace Pipeline.Rehearsal.GitHub.SmartHttp;

/// <summary>Git smart HTTP (<c>git clone</c>, <c>git fetch</c>, <c>git push</c>) with the API's auth and branch protection.</summary>
internal static class SmartHttpEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        routes.MapGet("/{owner}/{repo}.git/info/refs", context =>
        {
            var service = context.Query("service");
            var write = service == "git-receive-pack";
            return ServeAsync(context, state, "info/refs", write);
        }).WithMetadata(new GitTransport());
        routes.MapPost("/{owner}/{repo}.git/git-upload-pack", context => ServeAsync(context, state, "git-upload-pack", false))
            .WithMetadata(new GitTransport());
        routes.MapPost("/{owner}/{repo}.git/git-receive-pack", context => ServeAsync(context, state, "git-receive-pack", true))
            .WithMetadata(new GitTransport());
    }

    private static async Task ServeAsync(HttpContext context, GitHubState state, string service, bool write)
    {
        var owner = context.Route("owner");
        var name = context.Route("repo");
        var principal = context.Principal();
        if (principal.Kind == PrincipalKind.Anonymous)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"GitHub\"";
            throw new ApiErrorException(401, "Requires authentication");
        }

        var repository = state.FindRepository(owner, name) ?? throw new ApiErrorException(404, "Repository not found.");
        const string docs = "https://docs.github.com/get-started/git-basics/about-remote-repositories";
        Access.Require(principal, repository, "contents", write ? Access.Write : Access.Read, docs);

        var environment = write ? ProtectionEnvironment(repository, principal) : new Dictionary<string, string>();
        var pathInfo = "/" + Path.GetRelativePath(state.DataDirectory, repository.Git.Path).Replace('\\', '/') + "/" + service;
        var before = write ? await repository.Git.ListRefsAsync("refs/", context.RequestAborted) : [];
        await GitHttpBackend.RunAsync(context, state.DataDirectory, pathInfo, principal.Login, environment);
        if (write && service == "git-receive-pack")
        {
            var after = await repository.Git.ListRefsAsync("refs/", context.RequestAborted);
            if (!before.SequenceEqual(after))
            {
                repository.PushedAt = state.Now;
                await state.RefsChangedAsync(repository, context.RequestAborted);
            }
        }
    }

    /// <summary>Tells the pre-receive hook which branches this pusher may not update, and which only fast-forward.</summary>
    private static Dictionary<string, string> ProtectionEnvironment(RepositoryState repository, Principal principal)
    {
        var denied = new List<string>();
        var noForce = new List<string>();
        lock (repository.Protections)
        {
            foreach (var (branch, protection) in repository.Protections)
            {
                var full = "refs/heads/" + branch;
                if (!protection.AllowForcePushes)
                {
                    noForce.Add(full);
                }

                if (Protections.DirectWriteRefusal(protection, principal) is { } reason)
                {
                    denied.Add(full + "|" + reason);
                }
            }
        }

        return new Dictionary<string, string>
        {
            [ProtectionHook.DeniedVariable] = string.Join('\n', denied),
            [ProtectionHook.NoForceVariable] = string.Join(' ', noForce),
        };
    }
}
