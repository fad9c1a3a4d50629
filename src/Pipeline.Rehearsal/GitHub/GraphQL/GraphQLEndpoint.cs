using System.Text.Json.Nodes;
using Pipeline.Rehearsal.GitHub.GraphQL.Execution;
using Pipeline.Rehearsal.GitHub.GraphQL.Language;
using Pipeline.Rehearsal.GitHub.GraphQL.Schema;

namespace Pipeline.Rehearsal.GitHub.GraphQL;

/// <summary><c>POST /graphql</c>: parses the query, runs the named (or only) operation, answers 200 with data and errors.</summary>
internal static class GraphQLEndpoint
{
    private const string Docs = "https://docs.github.com/graphql";

    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        routes.MapPost("/graphql", async context =>
        {
            if (context.Principal().Kind == PrincipalKind.Anonymous)
            {
                throw new ApiErrorException(401, "This endpoint requires you to be authenticated.",
                    Docs + "/guides/forming-calls-with-graphql#authenticating-with-graphql");
            }

            var request = await context.ReadJsonAsync(GitHubJson.Default.JsonElement);
            var response = await ExecuteAsync(context, state, request);
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(response.ToJsonString(), context.RequestAborted);
        });
    }

    private static async Task<JsonObject> ExecuteAsync(HttpContext http, GitHubState state, JsonElement request)
    {
        if (request.ValueKind != JsonValueKind.Object || !request.TryGetProperty("query", out var queryElement)
            || queryElement.ValueKind != JsonValueKind.String)
        {
            return Errors(new JsonObject { ["message"] = "A query attribute must be specified and must be a string." });
        }

        GraphDocument document;
        try
        {
            document = Parser.Parse(queryElement.GetString()!);
        }
        catch (GraphSyntaxException error)
        {
            return Errors(new JsonObject
            {
                ["message"] = error.Message,
                ["locations"] = new JsonArray(new JsonObject { ["line"] = error.Location.Line, ["column"] = error.Location.Column }),
            });
        }

        var name = request.TryGetProperty("operationName", out var op) && op.ValueKind == JsonValueKind.String ? op.GetString() : null;
        var operation = name is null
            ? document.Operations.Count == 1 ? document.Operations[0] : null
            : document.Operations.FirstOrDefault(o => o.Name == name);
        if (operation is null)
        {
            return Errors(new JsonObject
            {
                ["message"] = name is null ? "An operation name is required" : $"No operation named \"{name}\"",
            });
        }

        var variables = Variables(request, operation);
        var context = new GraphContext(state, http.Principal(), http.Links(), http.RequestAborted);
        var root = operation.Kind == "mutation" ? MutationType.Create(context) : QueryType.Create(context);
        try
        {
            return await new Executor(document, variables).ExecuteAsync(operation, root);
        }
        catch (GraphError error)
        {
            return Errors(new JsonObject { ["message"] = error.Message, ["extensions"] = new JsonObject { ["code"] = error.Type } });
        }
    }

    private static Dictionary<string, JsonNode?> Variables(JsonElement request, GraphOperation operation)
    {
        var supplied = request.TryGetProperty("variables", out var v) && v.ValueKind == JsonValueKind.Object
            ? JsonNode.Parse(v.GetRawText())!.AsObject()
            : [];
        var variables = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var definition in operation.Variables)
        {
            variables[definition.Name] = supplied.TryGetPropertyValue(definition.Name, out var value)
                ? value?.DeepClone()
                : definition.Default?.Evaluate(variables);
        }

        return variables;
    }

    private static JsonObject Errors(JsonObject error) => new() { ["errors"] = new JsonArray(error) };
}
