using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Containers;

/// <summary>One entry of a registry's <c>{"errors":[...]}</c> body, e.g. <c>MANIFEST_UNKNOWN</c>.</summary>
/// <param name="Code">The error code of the distribution spec, e.g. <c>NAME_UNKNOWN</c>.</param>
/// <param name="Message">The registry's message.</param>
public sealed record RegistryError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string? Message)
{
    /// <summary>Extra detail the registry sent, as raw JSON text, or null.</summary>
    [JsonPropertyName("detail")]
    public JsonElement? Detail { get; init; }

    /// <summary><c>CODE: message</c>.</summary>
    public override string ToString() => string.IsNullOrEmpty(Message) ? Code : $"{Code}: {SecretRegistry.Shared.Redact(Message)}";
}
