using System.Diagnostics;

namespace Pipeline.GitHub;

/// <summary>
/// A credential value (token, JWT, private key) that never prints: <see cref="ToString"/>, the debugger
/// and reflection-based serializers all see a placeholder. Only <see cref="Reveal"/> hands out the value,
/// and only transports (an Authorization header, a git <c>http.extraheader</c>) should call it.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class Secret : IEquatable<Secret>
{
    /// <summary>The text printed in place of any secret.</summary>
    public const string Placeholder = "[secret]";

    private readonly string _value;

    /// <summary>Wraps a secret value.</summary>
    /// <exception cref="ArgumentException">The value is empty or whitespace.</exception>
    public Secret(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A secret must not be empty; check that the variable or file holding it is set.", nameof(value));
        }

        _value = value.Trim();
    }

    /// <summary>Reads a secret from an environment variable, or returns null when the variable is unset or empty.</summary>
    public static Secret? FromEnvironment(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(value) ? null : new Secret(value);
    }

    /// <summary>The secret value. Send it, never print it.</summary>
    public string Reveal() => _value;

    /// <summary>Whether <paramref name="text"/> contains this secret (to check logs and messages).</summary>
    public bool IsContainedIn(string? text) => text is not null && text.Contains(_value, StringComparison.Ordinal);

    /// <summary>Always <see cref="Placeholder"/>.</summary>
    public override string ToString() => Placeholder;

    /// <inheritdoc />
    public bool Equals(Secret? other) => other is not null && string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Secret other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);
}
