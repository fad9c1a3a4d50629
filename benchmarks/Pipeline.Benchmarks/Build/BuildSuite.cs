using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Pipeline.Benchmarks.Measuring;
using Pipeline.Benchmarks.Results;
using Pipeline.Containers;
using Pipeline.Rehearsal.Infrastructure;

namespace Pipeline.Benchmarks.Build;

/// <summary>
/// BuildMultiArchImage on the demo service against the command lines a user would run instead, on the same engine and
/// registry: cold (a fresh context whose layers nobody has seen, into a fresh repository), then warm (the same context
/// with one line changed, into the same repository); with and without a RUN step; and 1 to 4 platforms.
/// </summary>
internal sealed partial class BuildSuite : ISuite
{
    private static readonly Platform[] AllPlatforms = [.. Platform.ParseList("linux/amd64,linux/arm64,linux/arm/v7,linux/386")];

    public string Name => "build";

    /// <summary>A case: the Dockerfile variant, how many platforms, and whether a warm rebuild follows the cold build.</summary>
    private sealed record Case(string Variant, int Platforms, bool Warm)
    {
        public string Name => $"{Variant}-{Platforms}";
    }

    public static string Id(string builder, string @case, string mode) => $"build/{builder}/{@case}/{mode}";

    public async Task<SuiteResult> RunAsync(BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var facts = MachineInfo.Facts();
        var notes = new List<string>();
        await using var infrastructure = await LocalInfrastructure.StartAsync(new LocalDockerEngineOptions { AllowStart = false }, log: settings.Log, cancellationToken: cancellationToken).ConfigureAwait(false);
        var registry = infrastructure.Registry.Address;
        var artifacts = Directory.CreateTempSubdirectory("bench-build-artifacts-").FullName;
        using var contexts = await BuildContexts.PrepareAsync(settings.Root, AllPlatforms, settings.Log, cancellationToken).ConfigureAwait(false);
        var builders = new List<Builder> { Builders.Pipeline(artifacts) };
        if (await Tools.BuildxDockerAsync().ConfigureAwait(false) is { } buildx)
        {
            builders.Add(Builders.Buildx(buildx));
        }
        else
        {
            notes.Add("No docker buildx plugin works on this machine, so the single parallel `docker buildx build --platform linux/amd64,linux/arm64 --push` could not run; "
                + $"the closest a user would run instead is per-platform BuildKit builds with `DOCKER_BUILDKIT=1 {Tools.DockerForBuilds} build --platform ...`, pushes and "
                + "`docker manifest create` + `push`, all platforms at once (parallel) or one after the other (sequential).");
        }

        builders.Add(Builders.CliParallel);
        builders.Add(Builders.CliSequential);
        var runStep = ArmEmulation.IsAvailable;
        List<Case> cases = settings.Quick
            ? [new("copy", 2, true), new("copy", 1, false)]
            : [new("copy", 2, true), .. runStep ? [new Case("run", 2, true)] : Array.Empty<Case>(), new("copy", 1, false), new("copy", 3, false), new("copy", 4, false)];
        if (!runStep)
        {
            notes.Add("qemu-aarch64 is not registered with binfmt_misc, so the case with a RUN step (which runs under emulation for linux/arm64) was skipped.");
        }

        var samples = new SampleSet();
        var strategies = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var repositories = 0;
        try
        {
            for (var run = 0; run < settings.Runs; run++)
            {
                foreach (var @case in cases)
                {
                    // Rotate who goes first, so no builder always meets a busier or quieter machine.
                    foreach (var builder in builders.Skip(run % builders.Count).Concat(builders.Take(run % builders.Count)))
                    {
                        var repository = $"{registry}/bench/{builder.Name}-{++repositories:D4}";
                        var context = contexts.Cold(@case.Variant == "run");
                        var platforms = AllPlatforms.Take(@case.Platforms).ToList();
                        var how = await TimeAsync(settings, samples, builder, @case, "cold", context, repository, platforms, run, cancellationToken).ConfigureAwait(false);
                        if (builder.Name == "pipeline")
                        {
                            (strategies.TryGetValue(@case.Variant, out var chosen) ? chosen : strategies[@case.Variant] = new SortedSet<string>(StringComparer.Ordinal)).Add(how);
                        }

                        if (@case.Warm)
                        {
                            BuildContexts.ChangeOneLine(context);
                            await TimeAsync(settings, samples, builder, @case, "warm", context, repository, platforms, run, cancellationToken).ConfigureAwait(false);
                        }

                        await RemoveLocalImagesAsync(registry, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            await RemoveLocalImagesAsync(registry, CancellationToken.None).ConfigureAwait(false);
            Directory.Delete(artifacts, recursive: true);
        }

        notes.Add($"BuildMultiArchImage chose {string.Join("; ", strategies.Select(s => $"the {string.Join(", ", s.Value)} strategy for the {s.Key} case"))} "
            + "(Auto: direct when the Dockerfile runs nothing, so its layers are written from the context with no engine; else buildx when it works; else the Docker Engine API). "
            + "Cold: a fresh copy of samples/demo-service whose busybox and app carry random bytes, so no layer is cached or mounted, pushed to a new repository of a local registry. "
            + "Warm: the same context with one line of the app changed, pushed to the same repository. Times are wall times until the index is in the registry; "
            + "each index is read back afterwards and must list every platform.");
        var measurements = samples.ToMeasurements();
        var baseline = builders.Count > 1 ? builders[1] : builders[0];
        return new SuiteResult(Name, DateTimeOffset.UtcNow, settings.Runs, facts, await MachineInfo.VersionsAsync(settings.Root).ConfigureAwait(false))
        {
            Quick = settings.Quick,
            Measurements = measurements,
            Rows = Rows(builders, runStep && !settings.Quick),
            Curves = [Curve(measurements, builders, cases)],
            Notes = notes,
        };
    }

    private static async Task<string> TimeAsync(BenchmarkSettings settings, SampleSet samples, Builder builder, Case @case, string mode, string context,
        string repository, List<Platform> platforms, int run, CancellationToken cancellationToken)
    {
        var commit = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        var clock = Stopwatch.StartNew();
        var how = await builder.BuildAsync(context, repository, commit, platforms, cancellationToken).ConfigureAwait(false);
        clock.Stop();
        await CheckIndexAsync(repository, commit, platforms, cancellationToken).ConfigureAwait(false);
        samples.Add(Id(builder.Name, @case.Name, mode), "s", clock.Elapsed.TotalSeconds);
        settings.Log(string.Create(CultureInfo.InvariantCulture, $"  run {run + 1} {@case.Name,-7} {mode,-4} {builder.Name,-15} {clock.Elapsed.TotalSeconds,7:F2} s ({how})"));
        return how;
    }
}
