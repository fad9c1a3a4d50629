using System.Xml.Linq;

namespace Pipeline.Processes.Tests;

/// <summary>
/// The arrows between the projects under src/, read from their project files: Pipeline.Processes is a leaf;
/// Targets, Containers and GitHub know nothing of each other; Promotion uses GitHub and Containers; Components
/// ties them together; nothing points back up, and no production project references Pipeline.Rehearsal.
/// </summary>
public sealed partial class DependencyDirectionTests
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Pipeline.Processes"] = [],
        ["Pipeline.Targets"] = ["Pipeline.Processes"],
        ["Pipeline.Containers"] = ["Pipeline.Processes"],
        ["Pipeline.GitHub"] = ["Pipeline.Processes"],
        ["Pipeline.Promotion"] = ["Pipeline.Processes", "Pipeline.GitHub", "Pipeline.Containers"],
        ["Pipeline.Components"] = ["Pipeline.Processes", "Pipeline.Targets", "Pipeline.Containers", "Pipeline.GitHub", "Pipeline.Promotion"],
        ["Pipeline.Rehearsal"] = ["Pipeline.Processes", "Pipeline.Targets", "Pipeline.Containers", "Pipeline.GitHub", "Pipeline.Promotion", "Pipeline.Components"],
    };

    [Fact]
    public void Every_project_under_src_references_only_what_its_layer_may_use()
    {
        var projects = ProjectReferences();

        projects.Keys.Should().BeEquivalentTo(Allowed.Keys, "every project under src/ has its allowed arrows listed here");
        foreach (var (project, references) in projects)
        {
            references.Except(Allowed[project]).Should().BeEmpty($"{project} may reference only {string.Join(", ", Allowed[project].DefaultIfEmpty("nothing of ours"))}");
        }
    }

    [Fact]
    public void The_process_layer_is_a_leaf_that_every_layer_starting_processes_or_holding_secrets_uses()
    {
        var projects = ProjectReferences();

        projects["Pipeline.Processes"].Should().BeEmpty();
        foreach (var project in new[] { "Pipeline.Targets", "Pipeline.Containers", "Pipeline.GitHub", "Pipeline.Promotion" })
        {
            projects[project].Should().Contain("Pipeline.Processes", project);
        }
    }

    [Fact]
    public void Targets_Containers_and_GitHub_know_nothing_of_each_other_and_no_production_project_references_the_rehearsal()
    {
        var projects = ProjectReferences();
        string[] independent = ["Pipeline.Targets", "Pipeline.Containers", "Pipeline.GitHub"];

        foreach (var project in independent)
        {
            projects[project].Intersect(independent).Should().BeEmpty(project);
        }

        projects.Where(p => p.Key != "Pipeline.Rehearsal").Should().NotContain(p => p.Value.Contains("Pipeline.Rehearsal"));
    }

    private static Dictionary<string, string[]> ProjectReferences() =>
        Directory.GetDirectories(Path.Combine(RepositoryRoot(), "src"))
            .Select(folder => Path.Combine(folder, Path.GetFileName(folder) + ".csproj"))
            .Where(File.Exists)
            .ToDictionary(
                path => Path.GetFileNameWithoutExtension(path),
                path => XDocument.Load(path).Descendants("ProjectReference")
                    .Select(reference => Path.GetFileNameWithoutExtension((string)reference.Attribute("Include")!))
                    .ToArray(),
                StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pipeline.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No Pipeline.sln above " + AppContext.BaseDirectory);
    }
}
