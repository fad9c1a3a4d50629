using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Rehearsal.GitHub.Rest.Repositories;

namespace Pipeline.Rehearsal.GitHub.Hosting;

/// <summary>Source-generated serialization of every body the server reads or writes, in GitHub's snake_case.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    AllowTrailingCommas = true,
    ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(ValidationErrorBody))]
[JsonSerializable(typeof(UserJson))]
[JsonSerializable(typeof(RepositoryJson))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class GitHubJson : JsonSerializerContext;
