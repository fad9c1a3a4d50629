using System.Net;

namespace Pipeline.GitHub;

/// <summary>
/// The root of every error this package raises. Subtypes come from one table (status and operation to type)
/// and their messages name the likely fix. Messages and data never contain a credential.
/// </summary>
public class GitHubException : Exception
{
    /// <summary>Creates an exception for a failed GitHub response, or for a request that never got one.</summary>
    public GitHubException(string message, GitHubResponseInfo? response = null, Exception? innerException = null)
        : base(SecretRegistry.Shared.Redact(message), innerException)
    {
        Response = response;
    }

    /// <summary>The failed request and GitHub's answer, when there was an answer.</summary>
    public GitHubResponseInfo? Response { get; }

    /// <summary>The HTTP status, when GitHub answered.</summary>
    public HttpStatusCode? StatusCode => Response?.StatusCode;

    /// <summary>GitHub's <c>errors</c> array (empty when none).</summary>
    public IReadOnlyList<GitHubFieldError> Errors => Response?.Errors ?? [];

    /// <summary>Whether the same request may succeed later unchanged (rate limits, server errors).</summary>
    public virtual bool IsTransient => false;
}
