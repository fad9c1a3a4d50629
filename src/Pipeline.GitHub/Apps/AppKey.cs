using System.Security.Cryptography;

namespace Pipeline.GitHub.Apps;

/// <summary>Reads a GitHub App private key, with errors that say what kind of text was given instead.</summary>
internal static class AppKey
{
    public static RSA Load(string pem)
    {
        // Secret stores often keep multi-line values with literal "\n".
        var text = pem.Contains('\n', StringComparison.Ordinal) ? pem : pem.Replace("\\n", "\n", StringComparison.Ordinal);
        if (text.Contains("ENCRYPTED", StringComparison.Ordinal))
        {
            throw new GitHubAppKeyException(
                "The GitHub App private key is encrypted; GitHub's keys are not. Export it unencrypted: openssl pkcs8 -topk8 -nocrypt -in key.pem.");
        }

        if (text.Contains("PUBLIC KEY", StringComparison.Ordinal) && !text.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            throw new GitHubAppKeyException("That is a public key; the App needs its private key (the .pem downloaded from the App's settings).");
        }

        if (!text.Contains("-----BEGIN RSA PRIVATE KEY-----", StringComparison.Ordinal) && !text.Contains("-----BEGIN PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new GitHubAppKeyException(
                "The GitHub App private key is not PEM: expected '-----BEGIN RSA PRIVATE KEY-----' (PKCS#1, as GitHub downloads it) " +
                "or '-----BEGIN PRIVATE KEY-----' (PKCS#8). Check that the secret holds the whole .pem file.");
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(text);
            return rsa;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();

            // The inner exception is dropped on purpose: its message could quote key material.
            throw new GitHubAppKeyException(
                $"The GitHub App private key could not be read as an RSA key ({e.GetType().Name}). Download a new key from the App's settings page.");
        }
    }
}
