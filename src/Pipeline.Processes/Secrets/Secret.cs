using System.Diagnostics;

namespace Pipeline.Processes;

/// <summary>
/// A credential value (token, password, JWT, private key) that never prints: <see cref="ToString"/>, the debugger
/// and reflection-based serializers all see <see cref="Mask"/>. Creating one registers every form of its value
/// (raw, base64, URL-encoded, JSON-escaped, line by line) with <see cref="SecretRegistry.Shared"/>, so the value
/// is redacted from every log line, process output, exception message and artifact of this process.
/// Only <see cref="Reveal"/> hands out the value, and only transports (an Authorization header, a git
/// <c>http.extraHeader</c>, an environment variable of a child process) should call it.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class Secret : IEquatable<Secret>
{
    /// <summary>The text printed in place of any secret.</summary>
    public const string Mask = "***";

    private readonly string _value;

    /// <summary>Wraps a secret value; surrounding whitespace (a newline at the end of a token file) is not part of it.</summary>
    /// <exception cref="ArgumentException">The value is empty or whitespace.</exception>
    public Secret(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A secret must not be empty; check that the variable or file holding it is set.", nameof(value));
        }

        _value = value.Trim();
        SecretRegistry.Shared.Add(_value);
    }

    /// <summary>Wraps <paramref name="value"/>, or returns null for null, empty or whitespace text.</summary>
    public static Secret? FromNullable(string? value) => string.IsNullOrWhiteSpace(value) ? null : new Secret(value);

    /// <summary>Reads a secret from an environment variable, or returns null when the variable is unset or empty.</summary>
    public static Secret? FromEnvironment(string variable) => FromNullable(Environment.GetEnvironmentVariable(variable));

    /// <summary>The secret value. Send it, never print it.</summary>
    public string Reveal() => _value;

    /// <summary>Whether <paramref name="text"/> contains this secret in any of its forms (<see cref="SecretForms.Of"/>), to check logs and messages.</summary>
    public bool IsContainedIn(string? text) =>
        text is not null && SecretForms.Of(_value).Any(form => text.Contains(form, StringComparison.Ordinal));

    /// <summary>Always <see cref="Mask"/>.</summary>
    public override string ToString() => Mask;

    /// <inheritdoc />
    public bool Equals(Secret? other) => other is not null && string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Secret other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);
}
