using System.Net;

namespace Pipeline.Containers;

/// <summary>A registry answered with an error, or could not be reached.</summary>
public class RegistryException : ContainerException
{
    /// <summary>Creates the exception.</summary>
    public RegistryException(
        string message,
        string method,
        Uri uri,
        HttpStatusCode? statusCode,
        IReadOnlyList<RegistryError>? errors = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Method = method;
        Uri = uri;
        StatusCode = statusCode;
        Errors = errors ?? [];
    }

    /// <summary>The HTTP method of the failed request.</summary>
    public string Method { get; }

    /// <summary>The URI of the failed request.</summary>
    public Uri Uri { get; }

    /// <summary>The HTTP status, or null when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The errors decoded from the body.</summary>
    public IReadOnlyList<RegistryError> Errors { get; }

    /// <summary>What to do about a failed request, by status and error code: the one table of registry failures.</summary>
    internal static string FixFor(HttpStatusCode status, IReadOnlyList<RegistryError> errors)
    {
        var code = errors.Count > 0 ? errors[0].Code : string.Empty;
        return (status, code) switch
        {
            (_, "NAME_UNKNOWN") => "The repository does not exist in this registry; check the image name.",
            (_, "MANIFEST_BLOB_UNKNOWN" or "BLOB_UNKNOWN") => "A manifest refers to content the repository lacks; push every platform image to this repository first.",
            (_, "MANIFEST_INVALID" or "MANIFEST_UNVERIFIED") => "The registry rejected the manifest; it may not support this media type.",
            (_, "DENIED") => "The credentials may not perform this operation on this repository.",
            (_, "TOOMANYREQUESTS") or (HttpStatusCode.TooManyRequests, _) => "The registry kept rate-limiting; wait and run again.",
            (HttpStatusCode.NotFound, _) => "Check the repository, tag and registry address.",
            (HttpStatusCode.MethodNotAllowed, _) => "The registry does not allow this operation (is it a read-only mirror?).",
            ( >= HttpStatusCode.InternalServerError, _) => "The registry kept failing after retries; check its health and run again.",
            _ => "Check the request and the registry's documentation.",
        };
    }
}

/// <summary>Nothing answers at the registry's address: it is down, or the address is wrong.</summary>
public sealed class RegistryUnreachableException : RegistryException
{
    /// <summary>Creates the exception.</summary>
    public RegistryUnreachableException(string registry, string method, Uri uri, Exception innerException)
        : base(
            $"Registry '{registry}' is unreachable at {uri.GetLeftPart(UriPartial.Authority)} ({innerException.Message}). "
            + "Check that the registry is running and the address is right; for a plain-HTTP registry that is not on "
            + "loopback, list it in --insecure-registries.",
            method,
            uri,
            null,
            null,
            innerException)
    {
        Registry = registry;
    }

    /// <summary>The registry that did not answer.</summary>
    public string Registry { get; }
}

/// <summary>The registry refused the credentials, or demanded credentials that were not given.</summary>
public sealed class RegistryAuthenticationException : RegistryException
{
    /// <summary>Creates the exception.</summary>
    public RegistryAuthenticationException(
        string registry,
        string? credentialSource,
        string method,
        Uri uri,
        HttpStatusCode? statusCode,
        IReadOnlyList<RegistryError>? errors = null)
        : base(Describe(registry, credentialSource, statusCode, errors), method, uri, statusCode, errors)
    {
        Registry = registry;
        CredentialSource = credentialSource;
    }

    /// <summary>The registry that refused access.</summary>
    public string Registry { get; }

    /// <summary>Where the refused credential came from, or null when none was sent.</summary>
    public string? CredentialSource { get; }

    private static string Describe(string registry, string? source, HttpStatusCode? status, IReadOnlyList<RegistryError>? errors)
    {
        var detail = errors is { Count: > 0 } ? $" ({string.Join("; ", errors)})" : string.Empty;
        return source is null
            ? $"Registry '{registry}' requires credentials (HTTP {(int?)status}){detail}. Pass --registry-username and "
                + "--registry-password, run 'docker login', or set GITHUB_TOKEN for ghcr.io."
            : $"Registry '{registry}' refused the credentials from {source} (HTTP {(int?)status}){detail}. "
                + "Check the user name and password or token, and that it may push to this repository.";
    }
}

/// <summary>The content a registry returned does not hash to the digest it claimed or was asked for.</summary>
public sealed class DigestMismatchException : ContainerException
{
    /// <summary>Creates the exception.</summary>
    public DigestMismatchException(string what, Digest expected, Digest actual)
        : base($"{what}: expected digest {expected} but the bytes hash to {actual}. The registry or a proxy altered the content; do not deploy it.")
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The digest that was expected.</summary>
    public Digest Expected { get; }

    /// <summary>The digest of the bytes received.</summary>
    public Digest Actual { get; }
}

/// <summary>The registry has no manifest under the tag or digest asked for.</summary>
public sealed class ManifestUnknownException : RegistryException
{
    /// <summary>Creates the exception.</summary>
    public ManifestUnknownException(ImageReference reference, string method, Uri uri, IReadOnlyList<RegistryError>? errors)
        : base(
            $"Registry '{reference.Registry}' has no manifest for '{reference}'. Check the repository and tag, "
            + "and that the push that should have created it succeeded.",
            method,
            uri,
            HttpStatusCode.NotFound,
            errors)
    {
        Reference = reference;
    }

    /// <summary>The reference that was not found.</summary>
    public ImageReference Reference { get; }
}
