using System.Text.Json.Serialization;

namespace Pipeline.Benchmarks.Yaml;

/// <summary>One file's edit, shared with the node script as JSON.</summary>
internal sealed record PlanEntry
{
    public required string File { get; init; }

    public required string Kind { get; init; }

    public string? Path { get; init; }

    public string? Container { get; init; }

    public string? Name { get; init; }

    public string? Reference { get; init; }

    public string? Repository { get; init; }

    public string? Tag { get; init; }

    public string? Digest { get; init; }
}

/// <summary>What the node script prints: the time of each round.</summary>
internal sealed record NodeReport(List<double> Milliseconds);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<PlanEntry>))]
[JsonSerializable(typeof(NodeReport))]
internal sealed partial class BenchmarkJson : JsonSerializerContext;
