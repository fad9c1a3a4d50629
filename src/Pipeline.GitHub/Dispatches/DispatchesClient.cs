using System.Text.Json.Nodes;
using Pipeline.GitHub.Http;
using Pipeline.GitHub.Json;

namespace Pipeline.GitHub.Dispatches;

internal sealed record DispatchBody(string EventType, JsonObject? ClientPayload);

internal sealed class DispatchesClient(GitHubConnection connection) : IDispatchesClient
{
    public async Task SendAsync(RepositoryId repository, RepositoryDispatch dispatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        var problems = dispatch.Validate();
        if (problems.Count > 0)
        {
            throw new GitHubRequestValidationException(
                $"The repository_dispatch to {repository} was not sent: {string.Join(" ", problems)}", problems);
        }

        var request = new GitHubRequest(HttpMethod.Post, GitHubPaths.Repo(repository, "/dispatches"))
        {
            Body = GitHubConnection.Serialize(new DispatchBody(dispatch.EventType, dispatch.ClientPayload), GitHubJsonContext.Default.DispatchBody),
        };
        await connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
