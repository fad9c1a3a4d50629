using System.Xml.Linq;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>Packs the projects under <c>src/</c> into NuGet packages.</summary>
public interface IPack : ICompile
{
    /// <summary>The version of the packages; by default the git tag <c>v&lt;version&gt;</c> on HEAD, else <c>0.1.0-local</c>.</summary>
    [Parameter("Version of the packages that Pack produces (default: the git tag v<version> on HEAD, else 0.1.0-local).")]
    string? PackageVersion => TryGetValue<string>();

    /// <summary>Where packages go.</summary>
    AbsolutePath PackagesDirectory => ArtifactsDirectory / "packages";

    /// <summary>
    /// Runs <c>dotnet pack</c> in Release for every packable project under <c>src/</c>, building each with the version
    /// so that the assemblies inside carry it too.
    /// </summary>
    Target Pack => _ => _
        .Description("Packs src/* into artifacts/packages (Release, assemblies stamped with the package version).")
        .After(Compile)
        .Produces("artifacts/packages/*.nupkg")
        .Executes(async context =>
        {
            var version = PackageVersion ?? await GitVersion.FromTagAsync(RootDirectory, context.CancellationToken) ?? "0.1.0-local";
            if (PackagesDirectory.DirectoryExists())
            {
                Directory.Delete(PackagesDirectory, recursive: true);
            }

            foreach (var project in Directory.GetFiles(RootDirectory / "src", "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (XDocument.Load(project).Descendants("IsPackable").Any(e => e.Value == "false"))
                {
                    continue;
                }

                await DotNetSolution.RunAsync(this, context, "pack", project, "-c", "Release", "-nologo", "-v", "q",
                    "-o", PackagesDirectory, $"-p:Version={version}");
            }
            context.Report("version", version);
            context.Report("packages", Directory.GetFiles(PackagesDirectory, "*.nupkg").Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            context.SetOutput("package-version", version);
        });
}
