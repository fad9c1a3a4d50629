using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Benchmarks.Measuring;
using Pipeline.Benchmarks.Results;

namespace Pipeline.Benchmarks.Yaml;

/// <summary>
/// Pipeline.Promotion's edits against the npm <c>yaml</c> Document API on a generated GitOps tree of 1,000 manifests:
/// a new process per round (cold) and rounds in a warm process, each round reading, editing and writing every file;
/// how many files and bytes each tool changed outside the edited values; and edit time against file size.
/// </summary>
internal sealed class YamlSuite : ISuite
{
    private const string Ours = "pipeline";
    private const string Theirs = "yaml-npm";

    public string Name => "yaml";

    public async Task<SuiteResult> RunAsync(BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var facts = MachineInfo.Facts();
        await NodeEditor.EnsureInstalledAsync(settings.Root, settings.Log, cancellationToken).ConfigureAwait(false);
        var workspace = Directory.CreateTempSubdirectory("bench-yaml-").FullName;
        try
        {
            var samples = new SampleSet();
            var files = settings.Quick ? 200 : 1000;
            var generated = GitOpsTree.Generate(files, seed: 42);
            var tree = Path.Combine(workspace, "tree");
            foreach (var file in generated)
            {
                Write(Path.Combine(tree, file.Path), [.. file.ByteOrderMark ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(file.Text)]);
            }

            var plan = WritePlan(workspace, "plan.json", generated.Select(f => f.Edit));
            settings.Log($"  tree: {files} manifests ({string.Join(", ", generated.GroupBy(f => f.Edit.Kind).Select(g => $"{g.Count()} {g.Key}"))}), "
                + $"{generated.Count(f => f.Text.Contains('\r', StringComparison.Ordinal))} CRLF, {generated.Count(f => f.ByteOrderMark)} with BOM");
            await CompareAsync(settings, samples, "manifests", tree, plan, workspace, cancellationToken).ConfigureAwait(false);
            Judge(settings, samples, generated, workspace);

            int[] sizes = settings.Quick ? [1_000, 10_000, 100_000] : [1_000, 10_000, 100_000, 1_000_000, 10_000_000];
            foreach (var size in sizes)
            {
                var folder = Path.Combine(workspace, "scale-" + size.ToString(CultureInfo.InvariantCulture));
                var (text, edit) = LargeValues.Generate(size, "values.yaml");
                Write(Path.Combine(folder, "tree", edit.File), Encoding.UTF8.GetBytes(text));
                var scalePlan = WritePlan(folder, "plan.json", [edit]);
                await CompareAsync(settings, samples, $"size-{size}", Path.Combine(folder, "tree"), scalePlan, folder, cancellationToken).ConfigureAwait(false);
            }

            var measurements = samples.ToMeasurements();
            return new SuiteResult(Name, DateTimeOffset.UtcNow, settings.Runs, facts, await MachineInfo.VersionsAsync(settings.Root).ConfigureAwait(false))
            {
                Quick = settings.Quick,
                Measurements = measurements,
                Rows = Rows(files, sizes[^1]),
                Curves = [Curve(measurements, sizes)],
                Notes =
                [
                    $"A round reads each of the {files.ToString("N0", CultureInfo.InvariantCulture)} generated manifests (Deployments, Helm values, kustomizations; comments, " +
                    "every quoting style, non-ASCII, CRLF, byte order marks), pins tag and digest, and writes the file. Cold: one new process per round " +
                    "(`dotnet` running Pipeline.Promotion's edits, `node` running the yaml Document API: parseAllDocuments, setIn, toString). " +
                    "Warm: rounds in one process after a warm-up round.",
                    "Stray bytes: bytes of the lines that should have stayed byte for byte (the original with only the edited values replaced, in their quotes) " +
                    "and did not, counted on a longest common subsequence of lines.",
                ],
            };
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    /// <summary>Cold (a process per run, the order alternating) and warm (rounds in one process) for both tools.</summary>
    private static async Task CompareAsync(BenchmarkSettings settings, SampleSet samples, string name, string tree, string plan, string workspace, CancellationToken cancellationToken)
    {
        var oursOut = Path.Combine(workspace, "out-" + Ours);
        var theirsOut = Path.Combine(workspace, "out-" + Theirs);
        var self = typeof(OursEditor).Assembly.Location;
        for (var run = 0; run < settings.Runs; run++)
        {
            foreach (var side in run % 2 == 0 ? new[] { Ours, Theirs } : [Theirs, Ours])
            {
                var elapsed = side == Ours
                    ? (await ProcessRuns.RunAsync("dotnet", [self, "edit", tree, plan, oursOut], cancellationToken: cancellationToken).ConfigureAwait(false)).Elapsed
                    : (await NodeEditor.RunAsync(settings.Root, tree, plan, theirsOut, 1, cancellationToken).ConfigureAwait(false)).Process;
                samples.Add($"yaml/{side}/{name}/cold", "ms", elapsed.TotalMilliseconds);
            }
        }

        foreach (var value in OursEditor.Rounds(tree, plan, oursOut, settings.Runs))
        {
            samples.Add($"yaml/{Ours}/{name}/warm", "ms", value);
        }

        var (rounds, _) = await NodeEditor.RunAsync(settings.Root, tree, plan, theirsOut, settings.Runs + 1, cancellationToken).ConfigureAwait(false);
        foreach (var value in rounds.Skip(1))
        {
            samples.Add($"yaml/{Theirs}/{name}/warm", "ms", value);
        }

        settings.Log(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-16} cold {Median(samples, Ours, name, "cold"),9:F1} ms vs {Median(samples, Theirs, name, "cold"),9:F1} ms; warm {Median(samples, Ours, name, "warm"),9:F1} ms vs {Median(samples, Theirs, name, "warm"),9:F1} ms"));
    }

    private static double Median(SampleSet samples, string side, string name, string mode) =>
        Statistics.Median(samples.Samples($"yaml/{side}/{name}/{mode}")) ?? double.NaN;

    /// <summary>Files changed outside the edited values, stray bytes and missing edits, from each tool's last round.</summary>
    private static void Judge(BenchmarkSettings settings, SampleSet samples, List<GeneratedFile> generated, string workspace)
    {
        foreach (var side in new[] { Ours, Theirs })
        {
            var verdicts = generated.Select(f => Fidelity.Judge(f, File.ReadAllBytes(Path.Combine(workspace, "out-" + side, f.Path)))).ToList();
            samples.Add($"yaml/{side}/manifests/changed-outside", "files", verdicts.Count(v => v.ChangedOutside));
            samples.Add($"yaml/{side}/manifests/stray-bytes", "bytes", verdicts.Sum(v => v.StrayBytes));
            samples.Add($"yaml/{side}/manifests/edits-missing", "files", verdicts.Count(v => v.EditMissing));
            settings.Log($"  {side}: {verdicts.Count(v => v.ChangedOutside)} files changed outside the edited values, {verdicts.Sum(v => v.StrayBytes)} stray bytes, "
                + $"{verdicts.Count(v => v.EditMissing)} edits missing");
        }
    }

    private static List<HeadlineRow> Rows(int files, int largest)
    {
        var count = files.ToString("N0", CultureInfo.InvariantCulture);
        var size = largest >= 1_000_000 ? $"{largest / 1_000_000} MB" : $"{largest / 1_000} KB";
        HeadlineRow Compare(string measure, string id) =>
            new(measure, [$"yaml/{Ours}/{id}"]) { Baseline = [$"yaml/{Theirs}/{id}"], BaselineName = "npm yaml" };
        return
        [
            Compare($"Pin {count} manifests, a new process per round (read, edit, write)", "manifests/cold"),
            Compare($"Pin {count} manifests, a round in a warm process", "manifests/warm"),
            Compare($"Files changed outside the edited values, of {count}", "manifests/changed-outside") with { ShowRatio = false },
            Compare("Stray bytes in those files", "manifests/stray-bytes") with { ShowRatio = false },
            Compare($"Pin one value in a {size} values file, new process", $"size-{largest}/cold"),
            Compare($"Pin one value in a {size} values file, warm process", $"size-{largest}/warm"),
        ];
    }

    private static Curve Curve(IReadOnlyList<Measurement> measurements, int[] sizes)
    {
        Series Line(string name, string side, string mode) => new(name, sizes
            .Select(s => measurements.FirstOrDefault(m => m.Id == $"yaml/{side}/size-{s}/{mode}") is { } m ? CurvePoint.From(s / 1000.0, m with { Samples = m.Samples.Select(v => v / 1000).ToList() }) : null)
            .OfType<CurvePoint>()
            .ToList());
        return new Curve("yaml-edit-size", "YAML edit time against file size", "file size (KB)", "seconds",
            [Line("Pipeline, warm", Ours, "warm"), Line("npm yaml, warm", Theirs, "warm"), Line("Pipeline, new process", Ours, "cold"), Line("npm yaml, new process", Theirs, "cold")])
        { LogX = true, LogY = true };
    }

    private static string WritePlan(string folder, string name, IEnumerable<PlanEntry> entries)
    {
        var path = Path.Combine(folder, name);
        Write(path, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entries.ToList(), BenchmarkJson.Default.ListPlanEntry)));
        return path;
    }

    private static void Write(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
