using System.Xml.Linq;
using Pipeline.Targets;

namespace Pipeline.Build;

/// <summary>This repository's build: compile, test and pack Pipeline itself.</summary>
internal sealed class Build : PipelineBuild
{
    public static int Main(string[] args) => Execute<Build>(args, x => x.Compile);

    [Parameter("Configuration to build.")]
    readonly Configuration Configuration = Configuration.Debug;

    [Parameter("Version of the packages that Pack produces (default: the git tag v<version> on HEAD, else 0.1.0-local).")]
    readonly string? PackageVersion;

    AbsolutePath Solution => RootDirectory / "Pipeline.sln";
    AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";
    AbsolutePath PackagesDirectory => ArtifactsDirectory / "packages";

    Target Compile => _ => _
        .Description("Compiles the solution.")
        .Executes(async context => await DotNet(context, "build", Solution, "-c", Configuration.ToString(), "-nologo", "-v", "q", "-clp:NoSummary"));

    Target Test => _ => _
        .Description("Runs every test project; results to artifacts/test-results.")
        .DependsOn(Compile)
        .Produces("artifacts/test-results/*.trx")
        .Executes(async context =>
        {
            if (TestResultsDirectory.DirectoryExists())
                Directory.Delete(TestResultsDirectory, recursive: true);
            TestResultsDirectory.CreateDirectory();
            var run = await ProcessRunner.RunAsync(new ProcessRequest("dotnet",
            [
                "test", Solution, "-c", Configuration.ToString(), "--no-build", "-nologo",
                "--logger", "trx;LogFilePrefix=tests", "--results-directory", TestResultsDirectory,
            ]) { WorkingDirectory = RootDirectory, ThrowOnFailure = false }, context.CancellationToken);

            var counts = TestCounts.Read(TestResultsDirectory);
            context.Report("tests", counts.ToString());
            File.WriteAllText(TestResultsDirectory / "summary.txt", counts + "\n");
            Log.Information(counts.ToString());
            if (run.ExitCode != 0 || counts.Failed > 0)
                throw new BuildException(counts.Total == 0 ? $"dotnet test exited with code {run.ExitCode} before running tests." : $"{counts.Failed} test(s) failed.");
        });

    Target Pack => _ => _
        .Description("Packs src/* into artifacts/packages.")
        .DependsOn(Compile)
        .Produces("artifacts/packages/*.nupkg")
        .Executes(async context =>
        {
            var version = PackageVersion ?? await VersionFromTag(context) ?? "0.1.0-local";
            if (PackagesDirectory.DirectoryExists())
                Directory.Delete(PackagesDirectory, recursive: true);
            foreach (var project in Directory.GetFiles(RootDirectory / "src", "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (XDocument.Load(project).Descendants("IsPackable").Any(e => e.Value == "false"))
                    continue;
                await DotNet(context, "pack", project, "-c", Configuration.ToString(), "--no-build", "-nologo", "-v", "q",
                    "-o", PackagesDirectory, $"-p:Version={version}");
            }
            var packages = Directory.GetFiles(PackagesDirectory, "*.nupkg");
            context.Report("version", version);
            context.Report("packages", packages.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            context.SetOutput("package-version", version);
        });

    Task<ProcessResult> DotNet(TargetContext context, params string[] arguments) =>
        ProcessRunner.RunAsync(new ProcessRequest("dotnet", arguments) { WorkingDirectory = RootDirectory }, context.CancellationToken);

    async Task<string?> VersionFromTag(TargetContext context)
    {
        var result = await ProcessRunner.RunAsync(new ProcessRequest("git", ["tag", "--points-at", "HEAD", "--list", "v*"])
            { WorkingDirectory = RootDirectory, LogOutput = false, ThrowOnFailure = false }, context.CancellationToken);
        return result.ExitCode == 0
            ? result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t[1..]).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
    }
}

enum Configuration
{
    Debug,
    Release,
}
