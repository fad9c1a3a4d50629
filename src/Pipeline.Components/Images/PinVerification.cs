using Pipeline.Containers;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>
/// The registry check every pin goes through before it is promoted, whatever it came from (CaptureDigest's record,
/// <c>--image-reference</c>, a dispatch payload): the digest is resolved in the registry, a promotion of several
/// platforms refuses one platform's manifest, and each platform's config is proved. A registry that cannot be asked
/// stops the promotion unless <c>--no-verify-image</c> says to go on unchecked, and then the output says so.
/// </summary>
internal static class PinVerification
{
    private const string Revision = "org.opencontainers.image.revision";

    /// <summary>Checks <paramref name="image"/>; returns the commit its index says it was built from, when it says.</summary>
    public static async Task<string?> VerifyAsync(IHazImage build, bool skip, ImageReference image, CancellationToken cancellationToken)
    {
        if (skip)
        {
            Log.Warning($"{image} was not checked in the registry (--no-verify-image): neither its digest, its media type nor its platforms.");
            return null;
        }

        var platforms = Platform.ParseList(string.Join(',', build.Platforms));
        var credentials = new RegistryCredentialProvider(environment: name => build.EnvironmentVariables.TryGetValue(name, out var value) ? value : null);
        if (build.RegistryPassword is { Length: > 0 } password)
        {
            credentials = credentials.With(image.Registry, new RegistryCredential(build.RegistryUsername ?? "token", new Secret(password), "--registry-password"));
        }

        using var registry = new RegistryClient(new RegistryClientOptions { Credentials = credentials, InsecureRegistries = build.InsecureRegistries });
        try
        {
            var (manifest, proved) = await new DigestCapture(registry).VerifyPinAsync(image, platforms, cancellationToken).ConfigureAwait(false);
            Log.Information($"Checked {image} in the registry: {manifest.MediaType}, {string.Join(", ", proved.Select(p => $"{p.Platform} ({p.ConfigArchitecture})"))}.");
            var annotations = manifest.Index?.Annotations ?? manifest.Manifest?.Annotations;
            return annotations is not null && annotations.TryGetValue(Revision, out var revision) ? revision : null;
        }
        catch (ContainerException exception) when (exception is RegistryUnreachableException
            || exception is RegistryException { StatusCode: null or >= System.Net.HttpStatusCode.InternalServerError or System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden })
        {
            throw new BuildException(
                $"Cannot check {image} in the registry, so nothing was promoted: {exception.Message} "
                + "Start or reach the registry (or give --registry-username/--registry-password), or pass --no-verify-image to promote it unchecked.",
                exception);
        }
    }
}
