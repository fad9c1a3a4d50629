using System.Globalization;
using Pipeline.Benchmarks;
using Pipeline.Benchmarks.Report;
using Pipeline.Benchmarks.Yaml;

// Usage (./build.sh Benchmark and ./build.sh BenchmarkReport run these):
//   run    [--suite github,build,yaml,bootstrap,tool] [--runs 5] [--quick] [--root DIR]
//          measures, writes artifacts/benchmarks/results.json, and with at least 5 runs and not --quick records the
//          suites into benchmarks/results.json, redraws the plots in benchmarks/ and regenerates the README section
//   report [--root DIR]   regenerates the README section and the plots from benchmarks/results.json
//   breakdown [runs]      BuildMultiArchImage against the parallel docker CLI, cold and warm, with where the time goes
//   edit   TREE PLAN OUT  one cold round of the YAML suite: Pipeline.Promotion's edits on the files of PLAN
try
{
    var command = args.FirstOrDefault() ?? "run";
    var root = Option("--root") ?? FindRoot();
    switch (command)
    {
        case "run":
            var suites = (Option("--suite") ?? string.Join(',', Pipeline.Benchmarks.Results.ResultsDocument.SuiteNames))
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var runs = Option("--runs") is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : BenchmarkSettings.RecordedRuns;
            var settings = new BenchmarkSettings(root, runs, args.Contains("--quick"), Console.WriteLine);
            return await BenchmarkRunner.RunAsync(settings, suites, CancellationToken.None);
        case "breakdown":
            return await Pipeline.Benchmarks.Build.AheadOfParallelCli.RunAsync(args);
        case "report":
            Recorder.Regenerate(root, Console.WriteLine);
            return 0;
        case "edit" when args.Length == 4:
            OursEditor.EditOnce(args[1], args[2], args[3]);
            return 0;
        default:
            Console.Error.WriteLine($"Unknown command '{string.Join(' ', args)}'; use run [--suite ...] [--runs N] [--quick], report, or edit TREE PLAN OUT.");
            return 2;
    }
}
catch (BenchmarkException exception)
{
    Console.Error.WriteLine("benchmark: " + exception.Message);
    return 1;
}

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

static string FindRoot()
{
    for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
    {
        if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
        {
            return directory.FullName;
        }
    }

    throw new BenchmarkException("No repository root (a folder with .nuke/) above the current directory; pass --root.");
}
