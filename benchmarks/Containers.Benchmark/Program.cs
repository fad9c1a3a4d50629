using System.Diagnostics;
using System.Globalization;
using Containers.Benchmark;
using Pipeline.Rehearsal.Infrastructure;

// BuildMultiArchImage + CaptureDigest for linux/amd64 and linux/arm64, against the command sequence a user would type
// for the same result (docker build twice, docker push twice, docker manifest create and push, then read the index),
// on the same engine and the same registry, side by side in one run. Usage: dotnet run -c Release -- [iterations]
if (args.Length > 0 && args[0] == "parallel")
{
    return await AheadOfParallelCli.RunAsync(args);
}

var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
Console.WriteLine("Preparing: Docker engine, loopback registry, busybox for amd64 and arm64 ...");
await using var infrastructure = await LocalInfrastructure.StartAsync(new LocalDockerEngineOptions { AllowStart = false }, log: Console.WriteLine);
var context = await Scenario.CreateContextAsync();
var scenario = new Scenario(infrastructure.Registry.Address, context);

Console.WriteLine("Warming up both sides once (fills the shared layer cache for the unchanged COPY step) ...");
await scenario.RunLibraryAsync("warm-lib");
await scenario.RunCommandLineAsync("warm-cli");

var library = new List<TimeSpan>();
var commandLine = new List<TimeSpan>();
for (var i = 0; i < iterations; i++)
{
    // Alternate the order so neither side always runs on a warmer machine.
    var first = i % 2 == 0;
    for (var side = 0; side < 2; side++)
    {
        var runLibrary = first == (side == 0);
        var stopwatch = Stopwatch.StartNew();
        var result = runLibrary
            ? await scenario.RunLibraryAsync($"lib-{i}")
            : await scenario.RunCommandLineAsync($"cli-{i}");
        stopwatch.Stop();
        (runLibrary ? library : commandLine).Add(stopwatch.Elapsed);
        Console.WriteLine($"  run {i + 1} {(runLibrary ? "Pipeline.Containers" : "docker CLI sequence"),-20} {stopwatch.Elapsed.TotalSeconds,7:F2} s  {result}");
    }
}

var libraryMedian = Median(library);
var commandLineMedian = Median(commandLine);
Console.WriteLine();
Console.WriteLine($"{"",-38}{"median",10}{"min",10}{"max",10}");
Console.WriteLine($"{"Pipeline.Containers (engine strategy)",-38}{libraryMedian,10:F2}{library.Min().TotalSeconds,10:F2}{library.Max().TotalSeconds,10:F2}");
Console.WriteLine($"{"docker CLI command sequence",-38}{commandLineMedian,10:F2}{commandLine.Min().TotalSeconds,10:F2}{commandLine.Max().TotalSeconds,10:F2}");
Console.WriteLine($"Ratio (Pipeline.Containers / docker CLI, medians): {libraryMedian / commandLineMedian:F2}x (aim: at most 0.80x)");
return 0;

static double Median(List<TimeSpan> values)
{
    var sorted = values.Select(v => v.TotalSeconds).Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
