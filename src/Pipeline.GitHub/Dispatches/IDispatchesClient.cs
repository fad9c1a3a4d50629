namespace Pipeline.GitHub;

/// <summary>Starts workflows in another repository with a <c>repository_dispatch</c> event.</summary>
public interface IDispatchesClient
{
    /// <summary>
    /// Checks the event against GitHub's limits, then sends <c>POST /repos/{owner}/{repo}/dispatches</c>.
    /// Not repeated after a 5xx or a lost answer, so a workflow is never started twice by a retry.
    /// </summary>
    /// <exception cref="GitHubRequestValidationException">The event breaks a limit; nothing was sent.</exception>
    Task SendAsync(RepositoryId repository, RepositoryDispatch dispatch, CancellationToken cancellationToken = default);
}
