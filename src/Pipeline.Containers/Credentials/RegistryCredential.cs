namespace Pipeline.Containers;

/// <summary>
/// A user name and password (or token) for one registry, with where it came from so that an error about
/// refused credentials can say which ones were refused (never what they were).
/// </summary>
/// <param name="Username">The user name.</param>
/// <param name="Password">The password or token; printed as <c>***</c>.</param>
/// <param name="Source">Where the credential came from, e.g. <c>--registry-username</c> or <c>GITHUB_TOKEN</c>.</param>
public sealed record RegistryCredential(string Username, Secret Password, string Source = "parameters")
{
    /// <summary>The value of a <c>Basic</c> authorization header.</summary>
    internal string ToBasicParameter() =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Username}:{Password.Reveal()}"));
}
