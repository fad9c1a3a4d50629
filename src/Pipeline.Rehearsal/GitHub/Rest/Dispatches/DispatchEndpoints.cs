namespace Pipeline.Rehearsal.GitHub.Rest.Dispatches;

/// <summary>
/// <c>POST /repos/{owner}/{repo}/dispatches</c>: validated like GitHub (event_type 1-100 characters, client_payload
/// an object of at most 10 top-level keys and under 64 KB), then recorded and answered 204.
/// </summary>
internal static class DispatchEndpoints
{
    private const string Docs = "https://docs.github.com/rest/repos/repos#create-a-repository-dispatch-event";

    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        routes.MapPost("/repos/{owner}/{repo}/dispatches", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Write, Docs);
            var body = await context.ReadJsonAsync(GitHubJson.Default.JsonElement);
            var dispatch = Validate(body);
            state.Dispatches.Enqueue(new RecordedDispatch(repository.Owner.Login, repository.Name, dispatch.EventType,
                dispatch.Payload, context.Principal().Login, state.Now));
            context.NoContent();
        });
    }

    private static (string EventType, JsonElement? Payload) Validate(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object
            || !body.TryGetProperty("event_type", out var eventType) || eventType.ValueKind != JsonValueKind.String)
        {
            throw Invalid("\"event_type\" wasn't supplied.");
        }

        var name = eventType.GetString()!;
        if (name.Length is 0 or > 100)
        {
            throw Invalid($"event_type must be between 1 and 100 characters; it has {name.Length}.");
        }

        if (!body.TryGetProperty("client_payload", out var payload) || payload.ValueKind == JsonValueKind.Null)
        {
            return (name, null);
        }

        if (payload.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("For 'properties/client_payload', " + payload.GetRawText() + " is not an object.");
        }

        var count = payload.EnumerateObject().Count();
        if (count > 10)
        {
            throw Invalid($"No more than 10 properties are allowed; {count} were supplied.");
        }

        var size = Encoding.UTF8.GetByteCount(payload.GetRawText());
        if (size >= 64 * 1024)
        {
            throw Invalid($"client_payload must be smaller than 64 KB; it is {size} bytes.");
        }

        return (name, payload.Clone());
    }

    private static ApiErrorException Invalid(string detail) => ApiErrorException.Unprocessable("Invalid request.\n\n" + detail, Docs);
}
