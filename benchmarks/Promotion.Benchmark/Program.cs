using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Promotion.Edits;
using Promotion.Benchmark;

// Side-by-side edit throughput on a generated GitOps tree: Pipeline.Promotion's byte-preserving edits against the
// npm yaml Document API (parseAllDocuments + setIn + toString) doing the same edits, plus how many files each
// tool changed outside the edited values. Usage: dotnet run -c Release -- [--files 1000] [--rounds 20] [--seed 42]
// [--keep DIR] (keep the generated tree, the plan and the yaml outputs in DIR).
var files = Option("--files", 1000);
var rounds = Option("--rounds", 20);
var seed = Option("--seed", 42);
var keep = Array.IndexOf(args, "--keep") is var k and >= 0 && k + 1 < args.Length ? Path.GetFullPath(args[k + 1]) : null;
var root = keep ?? Path.Combine(Path.GetTempPath(), $"promotion-benchmark-{Environment.ProcessId}");
var tree = Path.Combine(root, "tree");
var nodeOut = Path.Combine(root, "yaml-out");

try
{
    var generated = GitOpsTree.Generate(files, seed);
    foreach (var file in generated)
    {
        var path = Path.Combine(tree, file.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [.. (file.ByteOrderMark ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(file.Text)]);
    }

    var planPath = Path.Combine(root, "plan.json");
    File.WriteAllText(planPath, JsonSerializer.Serialize(generated.Select(f => f.Edit).ToList(), BenchmarkJson.Default.ListPlanEntry));
    var kinds = generated.GroupBy(f => f.Edit.Kind).Select(g => $"{g.Count()} {g.Key}").ToList();
    Console.WriteLine($"Tree: {files} manifests ({string.Join(", ", kinds)}), {generated.Count(f => f.Text.Contains('\r', StringComparison.Ordinal))} CRLF, "
        + $"{generated.Count(f => f.ByteOrderMark)} with BOM; best of {rounds} rounds, in memory, 1 thread.");

    var ours = OursRunner.Run(generated, rounds);
    var yaml = NodeRunner.Run(generated, tree, planPath, nodeOut, rounds);

    Console.WriteLine();
    Console.WriteLine($"{"tool",-30} {"files/s",8} {"best ms",8} {"1st ms",8} {"exact",6} {"changed outside",16} {"edit missing",13}");
    var oursRow = Row("Pipeline.Promotion edits", generated, ours.BestMilliseconds, ours.FirstMilliseconds, ours.Outputs);
    var yamlRow = Row("npm yaml 2.9.1 Document API", generated, yaml.BestMilliseconds, yaml.FirstMilliseconds, yaml.Outputs);
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Throughput ratio (Pipeline.Promotion / yaml), best rounds: {oursRow / yamlRow:0.00}x; first rounds: {yaml.FirstMilliseconds / ours.FirstMilliseconds:0.00}x"));
    Sample(generated, yaml.Outputs);
    return 0;
}
finally
{
    if (keep is null && Directory.Exists(root))
    {
        Directory.Delete(root, recursive: true);
    }
}

double Row(string tool, List<GeneratedFile> generated, double milliseconds, double firstMilliseconds, List<byte[]> outputs)
{
    var verdicts = generated.Select((f, i) => OutsideChangeCheck.Check(f, outputs[i])).ToList();
    var perSecond = generated.Count / (milliseconds / 1000);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{tool,-30} {perSecond,8:0} {milliseconds,8:0.0} {firstMilliseconds,8:0.0} {verdicts.Count(v => v == OutsideChangeCheck.Verdict.Exact),6} "
        + $"{verdicts.Count(v => v == OutsideChangeCheck.Verdict.ChangedOutside),16} {verdicts.Count(v => v == OutsideChangeCheck.Verdict.EditMissing),13}"));
    foreach (var kind in generated.Select(f => f.Edit.Kind).Distinct())
    {
        var of = verdicts.Where((_, i) => generated[i].Edit.Kind == kind).ToList();
        Console.WriteLine($"{"  " + kind,-30} {"",8} {"",8} {"",8} {of.Count(v => v == OutsideChangeCheck.Verdict.Exact),6} "
            + $"{of.Count(v => v == OutsideChangeCheck.Verdict.ChangedOutside),16} {of.Count(v => v == OutsideChangeCheck.Verdict.EditMissing),13}");
    }

    return perSecond;
}

void Sample(List<GeneratedFile> generated, List<byte[]> outputs)
{
    for (var i = 0; i < generated.Count; i++)
    {
        if (OutsideChangeCheck.Check(generated[i], outputs[i]) != OutsideChangeCheck.Verdict.ChangedOutside)
        {
            continue;
        }

        var diff = UnifiedDiff.Render(generated[i].Path, generated[i].Text, Encoding.UTF8.GetString(outputs[i]).TrimStart('\uFEFF'));
        var lines = diff.Split('\n');
        Console.WriteLine();
        Console.WriteLine($"First yaml output changed outside the edited values ({generated[i].Path}), first lines of the diff:");
        Console.WriteLine(string.Join('\n', lines.Take(24)).Replace("\r", "\\r", StringComparison.Ordinal));
        return;
    }
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
