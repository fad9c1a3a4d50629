using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Benchmarks.Results;

/// <summary>
/// The results file: the latest result of each suite. <c>artifacts/benchmarks/results.json</c> holds what the last
/// invocation measured; <c>benchmarks/results.json</c> (committed) holds what the README and the plots are generated from.
/// </summary>
internal sealed record ResultsDocument
{
    public const int CurrentSchema = 1;

    /// <summary>The suites in the order they run and are shown.</summary>
    public static readonly IReadOnlyList<string> SuiteNames = ["github", "build", "yaml", "bootstrap", "tool"];

    // Written for people (the README's tables come from it) and never embedded in HTML: `, ' and + as themselves.
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public int Schema { get; init; } = CurrentSchema;

    public IReadOnlyList<SuiteResult> Suites { get; init; } = [];

    public SuiteResult? Suite(string name) => Suites.FirstOrDefault(s => s.Suite == name);

    /// <summary>This document with <paramref name="results"/> replacing the suites of the same names.</summary>
    public ResultsDocument With(IEnumerable<SuiteResult> results)
    {
        var merged = Suites.ToDictionary(s => s.Suite);
        foreach (var result in results)
        {
            merged[result.Suite] = result;
        }

        return this with { Suites = SuiteNames.Where(merged.ContainsKey).Select(n => merged[n]).ToList() };
    }

    public static ResultsDocument Read(string path)
    {
        if (!File.Exists(path))
        {
            return new ResultsDocument();
        }

        var document = JsonSerializer.Deserialize<ResultsDocument>(File.ReadAllText(path), Json)
            ?? throw new BenchmarkException($"{path} is empty; run ./build.sh Benchmark to record results.");
        return document.Schema == CurrentSchema
            ? document
            : throw new BenchmarkException($"{path} has schema {document.Schema}, this program reads {CurrentSchema}; run ./build.sh Benchmark to record it again.");
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, ToJson());
    }
}
