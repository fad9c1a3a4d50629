using System.Text.Json.Nodes;
using Pipeline.GitHub.Json;

namespace Pipeline.GitHub;

/// <summary>
/// A <c>repository_dispatch</c> event: a name that workflows filter on (<c>on.repository_dispatch.types</c>) and an
/// optional JSON payload they read as <c>github.event.client_payload</c>.
/// </summary>
/// <param name="EventType">The event name, at most 100 characters.</param>
public sealed record RepositoryDispatch(string EventType)
{
    /// <summary>The longest event name GitHub accepts.</summary>
    public const int MaxEventTypeLength = 100;

    /// <summary>The most top-level properties GitHub accepts in <c>client_payload</c>.</summary>
    public const int MaxPayloadProperties = 10;

    /// <summary>The payload must serialize to fewer bytes than this (64 KB).</summary>
    public const int MaxPayloadBytes = 64 * 1024;

    /// <summary>The payload; null sends none.</summary>
    public JsonObject? ClientPayload { get; init; }

    /// <summary>Every rule GitHub would refuse this event for; empty when it can be sent.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(EventType))
        {
            problems.Add("event_type is empty: name the event the receiving workflow listens for.");
        }
        else if (EventType.Length > MaxEventTypeLength)
        {
            problems.Add($"event_type is {EventType.Length} characters; GitHub accepts at most {MaxEventTypeLength}: shorten it.");
        }

        if (ClientPayload is { } payload)
        {
            if (payload.Count > MaxPayloadProperties)
            {
                problems.Add($"client_payload has {payload.Count} top-level properties; GitHub accepts at most {MaxPayloadProperties}: nest the others in one object.");
            }

            var size = PayloadBytes(payload);
            if (size >= MaxPayloadBytes)
            {
                problems.Add($"client_payload is {size} bytes as JSON; GitHub accepts less than {MaxPayloadBytes}: send a reference (a commit, a URL) instead of the data.");
            }
        }

        return problems;
    }

    internal static int PayloadBytes(JsonObject payload) =>
        System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(payload, GitHubJsonContext.Default.JsonObject).Length;
}
