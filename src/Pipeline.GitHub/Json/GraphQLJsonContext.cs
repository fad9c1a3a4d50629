using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.GitHub.GraphQL;

namespace Pipeline.GitHub.Json;

/// <summary>Source-generated JSON metadata for GraphQL (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GraphQLRequest<Dictionary<string, string>>))]
[JsonSerializable(typeof(GraphQLRequest<CreateCommitVariables>))]
[JsonSerializable(typeof(GraphQLRequest<AutoMergeVariables>))]
[JsonSerializable(typeof(GraphQLResponse<JsonElement>))]
[JsonSerializable(typeof(GraphQLResponse<CreateCommitData>))]
[JsonSerializable(typeof(GraphQLResponse<AutoMergeData>))]
internal sealed partial class GraphQLJsonContext : JsonSerializerContext;
