using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Containers;
using Pipeline.Promotion;

namespace Pipeline.Components;

/// <summary><c>artifacts/rehearsals.json</c>: one entry per rehearsal, so two runs can be compared.</summary>
internal static class RehearsalHistory
{
    public static async Task AppendAsync(string path, PinnedImage pinned, PromotionReport report, IReadOnlyList<(string Step, TimeSpan Took)> steps, CancellationToken cancellationToken)
    {
        var runs = File.Exists(path) && JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)) is JsonArray existing ? existing : [];
        var results = new JsonArray();
        foreach (var result in report.Results)
        {
            results.Add(new JsonObject
            {
                ["app"] = result.App,
                ["environment"] = result.Environment,
                ["status"] = result.Status.ToString(),
                ["commit"] = result.CommitSha,
                ["pullRequest"] = result.PullRequestUrl,
            });
        }
        var timings = new JsonObject();
        foreach (var (step, took) in steps)
        {
            timings[step] = Math.Round(took.TotalSeconds, 2);
        }

        runs.Add(new JsonObject
        {
            ["at"] = DateTimeOffset.UtcNow.ToString("O"),
            ["image"] = pinned.Reference.ToString(),
            ["built"] = pinned.Strategy != "reused",
            ["sourceCommit"] = pinned.SourceCommit,
            ["results"] = results,
            ["seconds"] = timings,
        });
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, PeopleJson.Write(runs), cancellationToken).ConfigureAwait(false);
    }
}
