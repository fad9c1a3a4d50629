using System.Xml.Linq;

namespace Pipeline.Processes.Tests;

/// <summary>
/// The arrows between the projects, read from their project files: Pipeline.Processes is a leaf; Targets, Containers
/// and GitHub know nothing of each other; Promotion uses GitHub and Containers; Components ties them together; the
/// stand-ins (Pipeline.Rehearsal) sit beside GitHub and Containers and know no target; Pipeline.LocalRehearsal puts
/// the stand-ins behind the components' targets; nothing points back up, and no package below it references the
/// stand-ins. Test projects reference what they test, plus the stand-ins.
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
        ["Pipeline.Rehearsal"] = ["Pipeline.Processes", "Pipeline.Containers", "Pipeline.GitHub"],
        ["Pipeline.LocalRehearsal"] = ["Pipeline.Components", "Pipeline.Rehearsal"],
        ["Pipeline.Tool"] = ["Pipeline.Components", "Pipeline.LocalRehearsal"],
    };

    /// <summary>The test projects of the layers below the components: what they test, the process layer and the stand-ins.</summary>
    private static readonly Dictionary<string, string[]> LowLevelTests = new(StringComparer.Ordinal)
    {
        ["Pipeline.Processes.Tests"] = ["Pipeline.Processes"],
        ["Pipeline.Targets.Tests"] = ["Pipeline.Targets"],
        ["Pipeline.Containers.Tests"] = ["Pipeline.Containers", "Pipeline.Rehearsal"],
        ["Pipeline.GitHub.Tests"] = ["Pipeline.GitHub", "Pipeline.Rehearsal"],
        ["Pipeline.GitHub.Contract"] = ["Pipeline.GitHub", "Pipeline.Rehearsal"],
        ["Pipeline.Promotion.Tests"] = ["Pipeline.Promotion", "Pipeline.Rehearsal"],
        ["Pipeline.Rehearsal.Tests"] = ["Pipeline.Rehearsal"],
    };

    private static readonly string[] AboveTheStandIns = ["Pipeline.Targets", "Pipeline.Promotion", "Pipeline.Components", "Pipeline.LocalRehearsal", "Pipeline.Tool"];

    [Fact]
    public void Every_project_under_src_references_only_what_its_layer_may_use()
    {
        var projects = ProjectReferences("src");

        projects.Keys.Should().BeEquivalentTo(Allowed.Keys, "every project under src/ has its allowed arrows listed here");
        foreach (var (project, references) in projects)
        {
            references.Except(Allowed[project]).Should().BeEmpty($"{project} may reference only {string.Join(", ", Allowed[project].DefaultIfEmpty("nothing of ours"))}");
        }
    }

    [Fact]
    public void The_process_layer_is_a_leaf_that_every_layer_starting_processes_or_holding_secrets_uses()
    {
        var projects = ProjectReferences("src");

        projects["Pipeline.Processes"].Should().BeEmpty();
        foreach (var project in new[] { "Pipeline.Targets", "Pipeline.Containers", "Pipeline.GitHub", "Pipeline.Promotion", "Pipeline.Rehearsal" })
        {
            projects[project].Should().Contain("Pipeline.Processes", project);
        }
    }

    [Fact]
    public void Targets_Containers_and_GitHub_know_nothing_of_each_other_and_no_package_below_the_rehearsal_references_the_stand_ins()
    {
        var projects = ProjectReferences("src");
        string[] independent = ["Pipeline.Targets", "Pipeline.Containers", "Pipeline.GitHub"];

        foreach (var project in independent)
        {
            projects[project].Intersect(independent).Should().BeEmpty(project);
        }

        string[] composers = ["Pipeline.Rehearsal", "Pipeline.LocalRehearsal", "Pipeline.Tool"];
        projects.Where(p => !composers.Contains(p.Key)).Should().NotContain(p => Closure(projects, p.Key).Contains("Pipeline.Rehearsal"));
    }

    [Fact]
    public void The_stand_ins_know_no_target_component_or_promotion()
    {
        var projects = ProjectReferences("src");

        Closure(projects, "Pipeline.Rehearsal").Intersect(AboveTheStandIns).Should().BeEmpty("the stand-ins sit beside GitHub and Containers");
    }

    [Fact]
    public void Low_level_test_projects_reference_only_what_they_test_and_the_stand_ins()
    {
        var tests = ProjectReferences("tests");
        var all = ProjectReferences("src").Concat(tests).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

        foreach (var (project, allowed) in LowLevelTests)
        {
            tests.Should().ContainKey(project);
            tests[project].Except(allowed).Should().BeEmpty($"{project} may reference only {string.Join(", ", allowed)}");
            var tested = allowed[0];
            Closure(all, project).Intersect(AboveTheStandIns.Where(layer => layer != tested)).Should()
                .BeEmpty($"{project} compiles only {tested}, what it uses and the stand-ins");
        }
    }

    [Fact]
    public void The_end_to_end_tests_drive_the_product_as_a_user_does_through_processes_and_the_stand_ins()
    {
        var tests = ProjectReferences("tests");
        var all = ProjectReferences("src").Concat(tests).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

        tests["Pipeline.EndToEnd"].Except(["Pipeline.Processes", "Pipeline.Rehearsal"]).Should()
            .BeEmpty("the end-to-end tests run ./build.sh, the tool and the samples as processes, against the stand-ins");
        Closure(all, "Pipeline.EndToEnd").Intersect(AboveTheStandIns).Should().BeEmpty("no package a build references is compiled into them");
    }

    private static HashSet<string> Closure(IReadOnlyDictionary<string, string[]> projects, string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(projects[project]);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next) && projects.TryGetValue(next, out var references))
            {
                foreach (var reference in references)
                {
                    pending.Push(reference);
                }
            }
        }

        return seen;
    }

    private static Dictionary<string, string[]> ProjectReferences(string folder) =>
        Directory.GetDirectories(Path.Combine(RepositoryRoot(), folder))
            .Select(directory => Path.Combine(directory, Path.GetFileName(directory) + ".csproj"))
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
