using System.Diagnostics;
using System.Globalization;
using Pipeline.Processes;

// Runs the same tools with the BCL's Process (what the hand-written runners did) and with ProcessRunner (CliWrap
// underneath, lines redacted), and prints the mean time per run. Usage: dotnet run -c Release -- [runs, default 200]
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;

async Task<double> Bcl(string program, string[] arguments, int count)
{
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        // The baseline: the BCL's Process used directly, as every runner did before; on purpose, the only place outside
        // Pipeline.Processes that does.
        using var process = new Process { StartInfo = { FileName = program, RedirectStandardOutput = true, RedirectStandardError = true } };
        foreach (var argument in arguments)
        {
            process.StartInfo.ArgumentList.Add(argument);
        }

        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await Task.WhenAll(stdout, stderr);
    }

    return clock.Elapsed.TotalMilliseconds / count;
}

async Task<double> Ours(string program, string[] arguments, int count, bool stream)
{
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        await ProcessRunner.RunAsync(new ProcessRequest(program, arguments) { Output = stream ? _ => { } : null });
    }

    return clock.Elapsed.TotalMilliseconds / count;
}

_ = new Secret("ghs_" + new string('x', 36));
await Bcl("git", ["--version"], 10);
await Ours("git", ["--version"], 10, false);
string[] big = ["-c", "seq 1 200000"];
Console.WriteLine($"{"",-34} {"BCL Process",12} {"ProcessRunner",14} {"+ lines redacted",17}");
Console.WriteLine($"{$"git --version (x{runs})",-34} {await Bcl("git", ["--version"], runs),9:0.00} ms {await Ours("git", ["--version"], runs, false),11:0.00} ms {await Ours("git", ["--version"], runs, true),14:0.00} ms");
Console.WriteLine($"{$"seq 1 200000, 1.3 MB (x{runs / 10})",-34} {await Bcl("/bin/sh", big, runs / 10),9:0.0} ms {await Ours("/bin/sh", big, runs / 10, false),11:0.0} ms {await Ours("/bin/sh", big, runs / 10, true),14:0.0} ms");
