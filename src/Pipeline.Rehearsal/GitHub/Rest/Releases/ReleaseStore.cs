using System.Collections.Concurrent;

namespace Pipeline.Rehearsal.GitHub.Rest.Releases;

/// <summary>The releases of the server's repositories and their assets, in memory for the server's lifetime.</summary>
internal sealed class ReleaseStore
{
    private long _nextId = 1;

    public ConcurrentDictionary<long, StoredRelease> Releases { get; } = new();

    public long NextId() => Interlocked.Increment(ref _nextId);
}

internal sealed record StoredRelease(long Id, string Owner, string Repository, string TagName, string Name, string Body, bool Draft, bool Prerelease, string TargetCommitish, DateTimeOffset CreatedAt, string Author)
{
    public ConcurrentDictionary<string, StoredAsset> Assets { get; } = new(StringComparer.Ordinal);
}

internal sealed record StoredAsset(long Id, string Name, string? Label, string ContentType, byte[] Content, string Uploader, DateTimeOffset CreatedAt);

/// <summary>JSON metadata for the release documents, which are built as JSON nodes.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
[System.Text.Json.Serialization.JsonSerializable(typeof(System.Text.Json.Nodes.JsonArray))]
internal sealed partial class ReleasesJson : System.Text.Json.Serialization.JsonSerializerContext;
