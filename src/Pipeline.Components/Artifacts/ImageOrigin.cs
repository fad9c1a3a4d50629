using System.Globalization;
using System.Text.Json.Nodes;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>
/// Where <c>artifacts/image.json</c> came from: the invocation and target that wrote it, the commit and registry, and when.
/// BumpGitOps promotes the record only when it is of the configured <c>--image</c> and of the checkout's commit.
/// </summary>
/// <param name="Invocation">The command line, secrets redacted: <c>./build.sh Rehearse</c>.</param>
/// <param name="Target">The target that wrote the record.</param>
/// <param name="Commit">The source commit the image was built from.</param>
/// <param name="Registry">The registry the image is in.</param>
/// <param name="Time">When the record was written (UTC).</param>
public sealed record ImageOrigin(string Invocation, string Target, string? Commit, string Registry, DateTimeOffset Time)
{
    /// <summary>Where the run happened: a CI run's address, when there is one.</summary>
    public string? CiRun { get; init; }

    /// <summary><c>'./build.sh Rehearse' (CaptureDigest) at 2026-11-22 10:04:01Z</c>.</summary>
    public override string ToString() =>
        $"'{Invocation}' ({Target}) at {Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";

    /// <summary>Adds the origin to the record at <paramref name="path"/>, written again as JSON for people.</summary>
    public async Task StampAsync(string path, CancellationToken cancellationToken)
    {
        var record = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false))!.AsObject();
        record.Remove("origin");
        record["origin"] = new JsonObject
        {
            ["invocation"] = Invocation,
            ["target"] = Target,
            ["commit"] = Commit,
            ["registry"] = Registry,
            ["time"] = Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["ciRun"] = CiRun,
        };
        await PeopleJson.WriteFileAsync(path, record, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The origin of the record at <paramref name="path"/>; null for a record written before origins were kept.</summary>
    public static ImageOrigin? Read(string path)
    {
        if (JsonNode.Parse(File.ReadAllText(path))?["origin"] is not JsonObject origin)
        {
            return null;
        }

        string? Text(string name) => origin[name]?.GetValue<string>();
        return new ImageOrigin(
            Text("invocation") ?? "unknown",
            Text("target") ?? "unknown",
            Text("commit"),
            Text("registry") ?? "unknown",
            DateTimeOffset.TryParse(Text("time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : DateTimeOffset.MinValue)
        {
            CiRun = Text("ciRun"),
        };
    }

    /// <summary>The origin of a record the running target writes now.</summary>
    internal static ImageOrigin Now(IPipelineBuild build, TargetContext context, string? commit, string registry, string? ciRun) =>
        new(build.Invocation, context.Name, commit, registry, DateTimeOffset.UtcNow) { CiRun = ciRun };
}
