namespace Pipeline.Containers;

/// <summary>
/// A secret (a password, a token) that never prints: <see cref="ToString"/> returns <c>***</c>,
/// so a secret interpolated into a log line, a command line or an exception message stays hidden.
/// Read the value with <see cref="Reveal"/> only where it is sent.
/// </summary>
public sealed class SecretValue : IEquatable<SecretValue>
{
    /// <summary>What a secret looks like when printed.</summary>
    public const string Mask = "***";

    private readonly string _value;

    /// <summary>Wraps <paramref name="value"/>.</summary>
    public SecretValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>True when the secret is the empty string.</summary>
    public bool IsEmpty => _value.Length == 0;

    /// <summary>Wraps <paramref name="value"/>, or returns null for null or empty text.</summary>
    public static SecretValue? FromNullable(string? value) => string.IsNullOrEmpty(value) ? null : new SecretValue(value);

    /// <summary>The secret itself; call only to send it.</summary>
    public string Reveal() => _value;

    /// <summary>Replaces every occurrence of this secret in <paramref name="text"/> with <c>***</c>.</summary>
    public string RedactFrom(string text) =>
        _value.Length == 0 ? text : text.Replace(_value, Mask, StringComparison.Ordinal);

    /// <summary>Always <c>***</c>.</summary>
    public override string ToString() => Mask;

    /// <inheritdoc />
    public bool Equals(SecretValue? other) => other is not null && string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SecretValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);
}
