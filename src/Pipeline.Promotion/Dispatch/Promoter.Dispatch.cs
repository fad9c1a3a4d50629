using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pipeline.Containers;

namespace Pipeline.Promotion;

public sealed partial class Promoter
{
    /// <summary>
    /// Applies a <c>repository_dispatch</c> received by the GitOps repository: reads the event file
    /// (<c>$GITHUB_EVENT_PATH</c>) or a payload file, accepts only an app and environments that the spec names and
    /// a pinned image of that app's repository, then promotes it with the rest of <paramref name="template"/>
    /// (target, branch, credentials, write method...).
    /// </summary>
    /// <param name="eventPath">The event or payload JSON file.</param>
    /// <param name="template">Where and how to write; the event brings the image, and its source, app and environments replace the template's.</param>
    /// <param name="expectedEventType">When set, an event whose <c>action</c> differs is refused.</param>
    /// <param name="cancellationToken">Cancels the promotion.</param>
    /// <exception cref="PromotionDispatchException">The payload names something the spec does not, or an invalid value.</exception>
    public async Task<PromotionReport> ApplyDispatchAsync(string eventPath, PromotionSettings template, string? expectedEventType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        var dispatch = await PromotionDispatchReceiver.ReadAsync(eventPath, expectedEventType, cancellationToken).ConfigureAwait(false);
        var spec = template.Spec;
        if (spec is null)
        {
            var method = template.WriteMethod ?? template.Target.DefaultWriteMethod;
            await using var connection = await TargetConnection.OpenAsync(template, method, _options, cancellationToken).ConfigureAwait(false);
            spec = GivenSpec(template) ?? (await ReadSpecAsync(template, connection, cancellationToken).ConfigureAwait(false)).Spec;
        }

        var accepted = PromotionDispatchReceiver.Validate(dispatch, spec);
        if (_options.VerifyImage is { } verify)
        {
            await verify(accepted.Image, cancellationToken).ConfigureAwait(false);
        }

        Log.LogInformation("Applying dispatched promotion of {Image} to {App}", accepted.Image, accepted.App);
        return await PromoteAsync(accepted.ApplyTo(template with { Spec = spec }), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The dispatch write method: sends one event per app for the GitOps repository to apply.</summary>
    private async Task<IReadOnlyList<PromotionResult>> DispatchAsync(PromotionRequest request, ImageReference image, TargetConnection connection, CancellationToken cancellationToken)
    {
        var client = connection.RequireClient("A repository_dispatch");
        var spec = request.Spec ?? (request.SpecPath is { } path ? PromotionSpec.Load(path) : null);
        IReadOnlyList<string> apps = request.App is { } app ? [app]
            : spec is not null ? [.. SelectApps(spec, request, image).Select(a => a.Name)]
            : throw new PromotionRequestException("A dispatch names the app the GitOps repository should promote: pass the app (or a spec that maps the image to its app).");
        var results = new List<PromotionResult>();
        foreach (var name in apps)
        {
            var payload = new PromotionDispatch(name, image.ToString())
            {
                Environments = request.Environments.Count > 0 ? request.Environments : null,
                SourceRepository = request.Source.Repository,
                SourceCommit = request.Source.Commit,
                SourceBranch = request.Source.Branch,
                SourceMessage = request.Source.Message is { } m ? PromotionTrailers.SingleLine(m.Split('\n')[0]) : null,
                CiRun = request.CiRunUrl,
            };
            var dispatch = payload.ToRepositoryDispatch(request.DispatchEventType);
            var json = JsonSerializer.Serialize(payload, PromotionJsonContext.Default.PromotionDispatch);
            var result = new PromotionResult(name, request.Environments.Count > 0 ? string.Join(",", request.Environments) : "*", PromotionStatus.Dispatched)
            {
                Image = image.ToString(),
                Repository = connection.Describe,
                Method = WriteMethod.Dispatch,
                Steps = [$"send repository_dispatch '{dispatch.EventType}' to {connection.Describe} with client_payload {json.ReplaceLineEndings(" ")}"],
                Attempts = 1,
            };
            if (request.DryRun)
            {
                results.Add(result with { Status = PromotionStatus.DryRun });
                continue;
            }

            await client.Dispatches.SendAsync(connection.Repository!, dispatch, cancellationToken).ConfigureAwait(false);
            Log.LogInformation("Sent {Event} for {App} to {Repository}", dispatch.EventType, name, connection.Describe);
            results.Add(result);
        }

        return results;
    }
}
