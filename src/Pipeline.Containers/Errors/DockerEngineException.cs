using System.Net;

namespace Pipeline.Containers;

/// <summary>The Docker engine answered an API call with an error.</summary>
public class DockerEngineException : ContainerException
{
    /// <summary>Creates the exception.</summary>
    public DockerEngineException(string message, HttpStatusCode? statusCode = null, string? engineMessage = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        EngineMessage = SecretRegistry.Shared.Redact(engineMessage);
    }

    /// <summary>The HTTP status of the API call, or null for an error inside a progress stream.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The engine's own message, verbatim.</summary>
    public string? EngineMessage { get; }
}

/// <summary>No Docker engine answers at the endpoint.</summary>
public sealed class DockerEngineUnavailableException : DockerEngineException
{
    /// <summary>Creates the exception.</summary>
    public DockerEngineUnavailableException(DockerEndpoint endpoint, Exception innerException)
        : base(
            $"No Docker engine answers at {endpoint} ({innerException.Message}). Start the engine (e.g. 'sudo systemctl start docker' "
            + "or 'dockerd &'), or point DOCKER_HOST at a running one.",
            null,
            null,
            innerException)
    {
        Endpoint = endpoint;
    }

    /// <summary>The endpoint that did not answer.</summary>
    public DockerEndpoint Endpoint { get; }
}

/// <summary>A build failed: a Dockerfile step failed, or the Dockerfile is invalid.</summary>
public sealed class ImageBuildFailedException : DockerEngineException
{
    /// <summary>Creates the exception.</summary>
    public ImageBuildFailedException(Platform? platform, string engineMessage, string? failedStep, string output)
        : base(Describe(platform, engineMessage, failedStep, output), null, engineMessage)
    {
        Platform = platform;
        FailedStep = failedStep;
        Output = SecretRegistry.Shared.Redact(output);
    }

    /// <summary>The platform being built, or null.</summary>
    public Platform? Platform { get; }

    /// <summary>The step that failed, e.g. <c>[2/3] RUN make</c>, when known.</summary>
    public string? FailedStep { get; }

    /// <summary>The end of the output of the failed step (or of the build), as the user would have seen it.</summary>
    public string Output { get; }

    private static string Describe(Platform? platform, string message, string? step, string output)
    {
        var what = platform is null ? "The image build" : $"The image build for {platform}";
        var where = step is null ? string.Empty : $" at step {step}";
        var tail = string.IsNullOrWhiteSpace(output) ? string.Empty : $"{Environment.NewLine}Output:{Environment.NewLine}{output.TrimEnd()}";
        return $"{what} failed{where}: {message}. Fix the Dockerfile or the build context and run again.{tail}";
    }
}

/// <summary>The engine could not push an image to its registry.</summary>
public sealed class ImagePushFailedException : DockerEngineException
{
    /// <summary>Creates the exception.</summary>
    public ImagePushFailedException(ImageReference reference, string engineMessage)
        : base(Describe(reference, engineMessage), null, engineMessage)
    {
        Reference = reference;
    }

    /// <summary>What was being pushed.</summary>
    public ImageReference Reference { get; }

    private static string Describe(ImageReference reference, string message)
    {
        var fix = message.Contains("unauthorized", StringComparison.OrdinalIgnoreCase) || message.Contains("authentication required", StringComparison.OrdinalIgnoreCase)
            ? "The registry refused the credentials; pass --registry-username and --registry-password or run 'docker login'."
            : message.Contains("connection refused", StringComparison.OrdinalIgnoreCase) || message.Contains("no such host", StringComparison.OrdinalIgnoreCase)
                ? "The registry is unreachable from the engine; check that it runs and its address."
                : message.Contains("server gave HTTP response to HTTPS client", StringComparison.OrdinalIgnoreCase)
                    ? "The registry speaks plain HTTP; add it to the engine's insecure-registries (daemon.json)."
                    : "Check the registry and run again.";
        return $"Pushing {reference} failed: {message}. {fix}";
    }
}
