using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.GitHub.Git;

/// <summary>The JSON body of <c>POST /git/blobs</c>.</summary>
internal sealed record BlobCreateBody(string Content, string Encoding);

/// <summary>The JSON of <c>GET /git/blobs/{sha}</c>.</summary>
internal sealed record BlobResponse(string Sha, string? Content, string? Encoding, long Size);

/// <summary>The JSON body of <c>POST /git/trees</c>.</summary>
internal sealed record TreeCreateBody(string? BaseTree, IReadOnlyList<TreeChange> Tree);

/// <summary>The JSON body of <c>POST /git/commits</c>.</summary>
internal sealed record CommitCreateBody(string Message, string Tree, IReadOnlyList<string> Parents, GitIdentity? Author, GitIdentity? Committer);

/// <summary>The JSON body of <c>POST /git/refs</c>.</summary>
internal sealed record RefCreateBody(string Ref, string Sha);

/// <summary>The JSON body of <c>PATCH /git/refs/{ref}</c>.</summary>
internal sealed record RefUpdateBody(string Sha, bool Force);

/// <summary>
/// Writes a tree entry as GitHub wants it: <c>sha</c> for a blob, <c>content</c> for inline text, and an explicit
/// <c>"sha": null</c> (which the default null-skipping would drop) for a deletion.
/// </summary>
internal sealed class TreeChangeConverter : JsonConverter<TreeChange>
{
    public override TreeChange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Tree changes are only sent, never read.");

    public override void Write(Utf8JsonWriter writer, TreeChange value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("path", value.Path);
        writer.WriteString("mode", value.Mode);
        writer.WriteString("type", "blob");
        if (value.Content is not null)
        {
            writer.WriteString("content", value.Content);
        }
        else if (value.Sha is not null)
        {
            writer.WriteString("sha", value.Sha);
        }
        else
        {
            writer.WriteNull("sha");
        }

        writer.WriteEndObject();
    }
}
