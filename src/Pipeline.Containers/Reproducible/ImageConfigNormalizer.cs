using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Containers;

/// <summary>
/// Rewrites an image config for a reproducible image: <c>created</c> and every history entry's <c>created</c> become
/// the source date, the layer digests become those of the normalised layers, what names the machine that built it
/// (<c>container</c>, <c>container_config</c>, <c>docker_version</c>) is dropped, and keys are written in ordinal order
/// so that two engine versions that agree on the values write the same bytes.
/// </summary>
internal static class ImageConfigNormalizer
{
    private static readonly string[] MachineFields = ["container", "container_config", "docker_version"];
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false };

    public static byte[] Normalize(ReadOnlySpan<byte> config, IReadOnlyList<Digest> diffIds, DateTimeOffset epoch)
    {
        var root = JsonNode.Parse(config.ToArray())?.AsObject()
            ?? throw new DockerEngineException("The engine exported an image without a config.");
        var created = epoch.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        foreach (var field in MachineFields)
        {
            root.Remove(field);
        }

        root["created"] = created;
        if (root["history"] is JsonArray history)
        {
            foreach (var entry in history.OfType<JsonObject>())
            {
                entry["created"] = created;
            }
        }

        var declared = root["rootfs"]?["diff_ids"]?.AsArray().Count ?? 0;
        if (declared != diffIds.Count)
        {
            throw new DockerEngineException($"The exported image lists {declared} layers in its config but holds {diffIds.Count}; export it again.");
        }

        root["rootfs"] = new JsonObject
        {
            ["type"] = "layers",
            ["diff_ids"] = new JsonArray(diffIds.Select(d => (JsonNode)JsonValue.Create(d.ToString())!).ToArray()),
        };
        return JsonSerializer.SerializeToUtf8Bytes(Sorted(root), Compact);
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };
}
