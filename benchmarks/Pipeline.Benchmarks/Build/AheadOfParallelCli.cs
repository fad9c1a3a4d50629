using System.Diagnostics;
using System.Globalization;
using Pipeline.Containers;
using Pipeline.Rehearsal.Infrastructure;

namespace Pipeline.Benchmarks.Build;

/// <summary>
/// BuildMultiArchImage's component (<see cref="MultiPlatformImageBuilder"/>, engine strategy, reuse lookup on) against
/// the parallel command line a user of this machine would pick for the same result, on samples/demo-service for
/// linux/amd64 and linux/arm64. docker-buildx is not packaged for Debian 12 and docker.io 20.10 ships no buildx, so
/// the baseline is the closest thing: both <c>DOCKER_BUILDKIT=1 docker build --platform X</c> at once, both pushes at
/// once, then <c>docker manifest create</c> and <c>push</c>. Two scenarios, each side run alternately:
/// <list type="bullet">
/// <item>cold: a fresh copy of the context and a fresh repository per run, no build cache (<c>--no-cache</c>; the
/// shared engine's cache is never pruned);</item>
/// <item>warm: the same context and repository, one line of the app changed, caches allowed.</item>
/// </list>
/// Prints median/min/max per side and scenario, the ratio, and where the time goes (from timestamped output lines).
/// Usage: <c>dotnet run -c Release --project benchmarks/Pipeline.Benchmarks -- breakdown [runs]</c> (default 5);
/// <c>BENCH_TRACE=1</c> prints each output line of the component with its time.
/// </summary>
internal static class AheadOfParallelCli
{
    private const string Docker = "/usr/bin/docker";

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        Console.WriteLine($"BuildMultiArchImage vs parallel docker CLI, samples/demo-service, linux/amd64 + linux/arm64, {runs} runs per side and scenario");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {(await DockerAsync(new Dictionary<string, string>(), "version", "--format", "engine {{.Server.Version}}, client {{.Client.Version}}")).Trim()}");
        await using var infrastructure = await LocalInfrastructure.StartAsync(new LocalDockerEngineOptions { AllowStart = false }, log: Console.WriteLine);
        var registry = infrastructure.Registry.Address;
        var busybox = new Dictionary<string, string>();
        foreach (var architecture in new[] { "amd64", "arm64" })
        {
            busybox[architecture] = await StaticBusybox.GetAsync(architecture);
        }

        var scratch = Directory.CreateTempSubdirectory("pipeline-bench-").FullName;
        try
        {
            var cold = await MeasureAsync("cold", runs, registry, busybox, scratch, warm: false);
            var warm = await MeasureAsync("warm", runs, registry, busybox, scratch, warm: true);
            Console.WriteLine();
            Console.WriteLine($"{"scenario",-10}{"side",-34}{"median",9}{"min",9}{"max",9}");
            foreach (var (name, ours, cli) in new[] { ("cold", cold.Ours, cold.Cli), ("warm", warm.Ours, warm.Cli) })
            {
                Console.WriteLine($"{name,-10}{"BuildMultiArchImage (engine)",-34}{Median(ours),9:F2}{ours.Min(),9:F2}{ours.Max(),9:F2}");
                Console.WriteLine($"{name,-10}{"parallel docker build+push+manifest",-34}{Median(cli),9:F2}{cli.Min(),9:F2}{cli.Max(),9:F2}");
                Console.WriteLine($"{name,-10}ratio (medians): {Median(ours) / Median(cli):F2}x");
            }

            Console.WriteLine();
            Console.WriteLine("Where the time goes (medians, seconds):");
            foreach (var (name, result) in new[] { ("cold", cold), ("warm", warm) })
            {
                Console.WriteLine($"  {name} BuildMultiArchImage: {string.Join(", ", result.OursPhases.Select(p => $"{p.Key} {Median(p.Value):F2}"))}");
                Console.WriteLine($"  {name} docker CLI:          {string.Join(", ", result.CliPhases.Select(p => $"{p.Key} {Median(p.Value):F2}"))}");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task<Measurement> MeasureAsync(string scenario, int runs, string registry, IReadOnlyDictionary<string, string> busybox, string scratch, bool warm)
    {
        Console.WriteLine($"-- {scenario} --");
        var result = new Measurement();
        var oursContext = warm ? await ContextAsync(scratch, $"{scenario}-ours", busybox) : null;
        var cliContext = warm ? await ContextAsync(scratch, $"{scenario}-cli", busybox) : null;
        if (warm)
        {
            // One untimed build per side fills the cache and the repository that the timed rebuilds start from.
            await OursAsync(registry, oursContext!, $"bench/{scenario}-ours", noCache: false, new Phases());
            await CliAsync(registry, cliContext!, $"bench/{scenario}-cli", noCache: false, new Phases());
        }

        for (var run = 0; run < runs; run++)
        {
            foreach (var oursFirst in run % 2 == 0 ? new[] { true, false } : [false, true])
            {
                var id = $"{scenario}-{run}-{Guid.NewGuid():N}"[..24];
                var context = warm ? (oursFirst ? oursContext! : cliContext!) : await ContextAsync(scratch, id, busybox);
                var repository = warm ? $"bench/{scenario}-{(oursFirst ? "ours" : "cli")}" : $"bench/{id}";
                await File.AppendAllTextAsync(Path.Combine(context, "app", "demo-service.sh"), $"# change {id}\n");
                var phases = new Phases();
                var stopwatch = Stopwatch.StartNew();
                var digest = oursFirst
                    ? await OursAsync(registry, context, repository, noCache: !warm, phases)
                    : await CliAsync(registry, context, repository, noCache: !warm, phases);
                var seconds = stopwatch.Elapsed.TotalSeconds;
                (oursFirst ? result.Ours : result.Cli).Add(seconds);
                foreach (var (phase, value) in phases.Values)
                {
                    var into = oursFirst ? result.OursPhases : result.CliPhases;
                    (into.TryGetValue(phase, out var list) ? list : into[phase] = []).Add(value);
                }

                Console.WriteLine($"  run {run + 1} {(oursFirst ? "BuildMultiArchImage" : "docker CLI"),-20} {seconds,6:F2} s  {digest}");
                if (!warm)
                {
                    Directory.Delete(context, recursive: true);
                }
            }
        }

        return result;
    }

    private static async Task<string> OursAsync(string registry, string context, string repository, bool noCache, Phases phases)
    {
        var clock = Stopwatch.StartNew();
        double? firstStep = null, lastStep = null, pushed = null;
        var trace = Environment.GetEnvironmentVariable("BENCH_TRACE") == "1";
        var output = new Progress(line =>
        {
            var now = clock.Elapsed.TotalSeconds;
            if (trace)
            {
                Console.WriteLine($"    {now,6:F2} {line}");
            }

            if (line.StartsWith("[linux/", StringComparison.Ordinal) && !line.Contains("] pushed", StringComparison.Ordinal))
            {
                firstStep ??= now;
                lastStep = now;
            }
            else if (line.Contains("] pushed", StringComparison.Ordinal))
            {
                pushed = now;
            }
        });
        using var builder = new MultiPlatformImageBuilder(new ImageBuilderOptions { Output = output });
        var request = new ImageBuildRequest($"{registry}/{repository}", context)
        {
            SourceCommit = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + "01234567",
            NoCache = noCache,
            ReuseExisting = true,
        };
        var built = await builder.BuildAsync(request, BuildStrategyKind.Engine);
        var end = clock.Elapsed.TotalSeconds;
        phases.Add("setup", firstStep ?? 0);
        phases.Add("build", (lastStep ?? 0) - (firstStep ?? 0));
        phases.Add("export+push", (pushed ?? end) - (lastStep ?? 0));
        phases.Add("index", end - (pushed ?? end));
        return built.Digest.Short;
    }

    private static async Task<string> CliAsync(string registry, string context, string repository, bool noCache, Phases phases)
    {
        var clock = Stopwatch.StartNew();
        var environment = new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "1" };
        var image = $"{registry}/{repository}";
        var tag = Guid.NewGuid().ToString("N")[..7];
        string[] architectures = ["amd64", "arm64"];
        await Task.WhenAll(architectures.Select(a => DockerAsync(environment, [
            "build", "--network", "host", "--platform", $"linux/{a}", .. noCache ? new[] { "--no-cache" } : [], "-t", $"{image}:{tag}-{a}", context])));
        var built = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(architectures.Select(a => DockerAsync(environment, "push", $"{image}:{tag}-{a}")));
        var pushed = clock.Elapsed.TotalSeconds;
        await DockerAsync(environment, ["manifest", "create", "--insecure", $"{image}:{tag}", .. architectures.Select(a => $"{image}:{tag}-{a}")]);
        var digest = (await DockerAsync(environment, "manifest", "push", "--purge", "--insecure", $"{image}:{tag}")).Trim();
        phases.Add("build", built);
        phases.Add("push", pushed - built);
        phases.Add("manifest", clock.Elapsed.TotalSeconds - pushed);
        return digest.Replace("sha256:", string.Empty, StringComparison.Ordinal)[..12];
    }

    /// <summary>A copy of samples/demo-service with the busybox of each platform where PrepareDemoService puts it.</summary>
    private static async Task<string> ContextAsync(string scratch, string name, IReadOnlyDictionary<string, string> busybox)
    {
        var source = Path.Combine(FindRoot(), "samples", "demo-service");
        var target = Path.Combine(scratch, name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/rootfs/", StringComparison.Ordinal)))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        foreach (var (architecture, path) in busybox)
        {
            Directory.CreateDirectory(Path.Combine(target, "rootfs", architecture));
            File.Copy(path, Path.Combine(target, "rootfs", architecture, "busybox"));
        }

        await Task.CompletedTask;
        return target;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, "samples", "demo-service")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository: samples/demo-service was not found above " + AppContext.BaseDirectory);
    }

    private static async Task<string> DockerAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var request = new ProcessRequest(Docker, arguments) { Environment = environment.ToDictionary(e => e.Key, e => (string?)e.Value) };
        return (await ProcessRunner.RunAsync(request).ConfigureAwait(false)).StandardOutput;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed class Measurement
    {
        public List<double> Ours { get; } = [];

        public List<double> Cli { get; } = [];

        public Dictionary<string, List<double>> OursPhases { get; } = [];

        public Dictionary<string, List<double>> CliPhases { get; } = [];
    }

    private sealed class Phases
    {
        public List<(string Name, double Seconds)> Values { get; } = [];

        public void Add(string name, double seconds) => Values.Add((name, seconds));
    }

    /// <summary>Reports synchronously, so each line is timed when it is written.</summary>
    private sealed class Progress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
