using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Rehearsal.GitHub;

namespace Pipeline.LocalRehearsal;

/// <summary>
/// A received <c>repository_dispatch</c> as GitHub hands it to the workflow it starts (the file at
/// <c>$GITHUB_EVENT_PATH</c>): <c>action</c> is the event type, <c>client_payload</c> the payload, with the repository and sender.
/// </summary>
internal static class DispatchEventFile
{
    public static string Render(RecordedDispatch dispatch, Uri apiUrl)
    {
        var repository = $"{dispatch.Owner}/{dispatch.Repository}";
        var payload = dispatch.ClientPayload is { } json ? JsonNode.Parse(json.GetRawText()) : new JsonObject();
        var file = new JsonObject
        {
            ["action"] = dispatch.EventType,
            ["branch"] = null,
            ["client_payload"] = payload,
            ["repository"] = new JsonObject
            {
                ["full_name"] = repository,
                ["name"] = dispatch.Repository,
                ["owner"] = new JsonObject { ["login"] = dispatch.Owner },
                ["url"] = new Uri(apiUrl, $"repos/{repository}").ToString(),
            },
            ["sender"] = new JsonObject { ["login"] = dispatch.Sender },
        };
        return file.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
