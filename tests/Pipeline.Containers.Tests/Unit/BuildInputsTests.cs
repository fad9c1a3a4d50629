using Pipeline.Tests.Shared;

namespace Pipeline.Containers.Tests.Unit;

public sealed class BuildInputsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly List<string> _folders = [];

    [Fact]
    public void The_same_files_in_another_folder_with_other_times_give_the_same_digest()
    {
        var first = Context();
        var second = Context();
        foreach (var file in Directory.EnumerateFileSystemEntries(second, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        Digest(first).Should().Be(Digest(second));
    }

    [Theory]
    [InlineData("app/main.sh", "echo changed\n")]
    [InlineData("Dockerfile", "FROM scratch\nCOPY app /app\nCOPY extra.txt /\n")]
    [InlineData("new.txt", "a file that was not there\n")]
    public void A_change_to_any_sent_file_changes_the_digest(string file, string content)
    {
        var context = Context();
        var before = Digest(context);

        File.WriteAllText(Path.Combine(context, file), content);

        Digest(context).Should().NotBe(before);
    }

    [Fact]
    public void A_file_that_dockerignore_leaves_out_does_not_count()
    {
        var context = Context();
        var before = Digest(context);

        File.WriteAllText(Path.Combine(context, "notes.log"), "not sent\n");

        Digest(context).Should().Be(before);
    }

    [Fact]
    public void Build_args_target_platforms_and_labels_count_but_the_creation_time_does_not()
    {
        var request = new ImageBuildRequest("localhost:5000/app", Context()) { SourceCommit = "0123456789abcdef0123456789abcdef01234567" };
        var digest = BuildInputs.Compute(request, Now);

        BuildInputs.Compute(request, Now.AddDays(3)).Should().Be(digest);
        BuildInputs.Compute(request with { Created = Now.AddYears(-1) }, Now).Should().Be(digest);
        BuildInputs.Compute(request with { BuildArgs = new Dictionary<string, string> { ["MODE"] = "fast" } }, Now).Should().NotBe(digest);
        BuildInputs.Compute(request with { Target = "runtime" }, Now).Should().NotBe(digest);
        BuildInputs.Compute(request with { Platforms = [Platform.LinuxAmd64] }, Now).Should().NotBe(digest);
        BuildInputs.Compute(request with { Labels = new Dictionary<string, string> { ["team"] = "a" } }, Now).Should().NotBe(digest);
        BuildInputs.Compute(request with { SourceCommit = "1123456789abcdef0123456789abcdef01234567" }, Now).Should().NotBe(digest);
    }

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private Digest Digest(string context) => BuildInputs.Compute(new ImageBuildRequest("localhost:5000/app", context) { Tags = ["latest"] }, Now);

    private string Context()
    {
        var folder = TestTemp.Folder("pipeline-ctx-");
        _folders.Add(folder);
        Directory.CreateDirectory(Path.Combine(folder, "app"));
        File.WriteAllText(Path.Combine(folder, "Dockerfile"), "FROM scratch\nCOPY app /app\n");
        File.WriteAllText(Path.Combine(folder, ".dockerignore"), "*.log\n");
        File.WriteAllText(Path.Combine(folder, "app", "main.sh"), "echo hello\n");
        return folder;
    }
}
