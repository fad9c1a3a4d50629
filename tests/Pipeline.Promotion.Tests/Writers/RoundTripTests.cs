using System.Globalization;
using System.Text;
using Pipeline.GitHub;
using Pipeline.Promotion.Tests.Support;
using Pipeline.Promotion.Writers;

namespace Pipeline.Promotion.Tests.Writers;

/// <summary>
/// Requests one promotion makes, counted in the local server's request log: on the write path the same for any number
/// of files, and one read for any number of environments. The guards add their own reads on top, also independent of
/// the file count: where the source branch is now (one, here through the compare side of the API since no clone of the
/// source is on disk) and the environment's history for the pin in place (one per environment).
/// </summary>
public sealed class RoundTripTests(GitOpsServer github) : IClassFixture<GitOpsServer>
{
    private const string CrLf = "# windows\r\nimage:\r\n  tag: \"1.0\"\r\n";
    private const string Bom = "\uFEFFimage:\n  tag: \"1.0\" # ünïcode\n";
    private readonly Promotions _promotions = new(github);

    [Theory]
    [InlineData(WriteMethod.GraphQL, 1, false, 2)]
    [InlineData(WriteMethod.GraphQL, 3, false, 2)]
    [InlineData(WriteMethod.GraphQL, 10, false, 2)]
    [InlineData(WriteMethod.GraphQL, 10, true, 3)]
    [InlineData(WriteMethod.GitData, 1, false, 4)]
    [InlineData(WriteMethod.GitData, 3, false, 4)]
    [InlineData(WriteMethod.GitData, 10, false, 4)]
    [InlineData(WriteMethod.GitData, 1, true, 5)]
    [InlineData(WriteMethod.GitData, 10, true, 5)]
    [InlineData(WriteMethod.Contents, 1, false, 3)]
    [InlineData(WriteMethod.Contents, 1, true, 5)]
    public async Task Promoting_N_files_takes_as_many_requests_for_1_3_or_10_files(WriteMethod method, int files, bool specInRepository, int expected)
    {
        var (repository, spec) = await SetUpAsync(files, environments: 1, specInRepository);
        var request = _promotions.Request(repository, spec!, Images.Pinned("ghcr.io/org/app", "2.0"), method) with { Branch = "main", Spec = spec };

        var (writePath, guards) = Split(await CountAsync(() => _promotions.Promoter().PromoteAsync(request)));

        writePath.Should().HaveCount(expected, Describe(writePath));
        guards.Should().HaveCount(GuardReads(method, environments: 1), Describe(guards));
        writePath.Should().NotContain(r => r.Path.EndsWith("/git/blobs", StringComparison.Ordinal), "text goes inline in the tree");
        for (var i = 0; i < files; i++)
        {
            (await github.ShowTextAsync(repository, "main", FilePath(0, i))).Should().Be(Content(i).Replace("1.0", "2.0", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(WriteMethod.GraphQL, 3, false, 4)]
    [InlineData(WriteMethod.GraphQL, 5, true, 7)]
    [InlineData(WriteMethod.GitData, 3, false, 10)]
    [InlineData(WriteMethod.GitData, 5, true, 17)]
    [InlineData(WriteMethod.Contents, 3, false, 7)]
    [InlineData(WriteMethod.Contents, 5, true, 13)]
    public async Task Promoting_to_several_environments_reads_them_all_in_one_request(WriteMethod method, int environments, bool specInRepository, int expected)
    {
        var (repository, spec) = await SetUpAsync(files: 1, environments, specInRepository);
        var request = _promotions.Request(repository, spec!, Images.Pinned("ghcr.io/org/app", "2.0"), method) with { Branch = "main", Spec = spec };

        var report = default(PromotionReport);
        var (writePath, guards) = Split(await CountAsync(async () => report = await _promotions.Promoter().PromoteAsync(request)));

        writePath.Should().HaveCount(expected, Describe(writePath));
        guards.Should().HaveCount(GuardReads(method, environments), Describe(guards));
        report!.Results.Should().HaveCount(environments).And.OnlyContain(r => r.Status == PromotionStatus.Committed && r.Attempts == 1);
        (await github.GitAsync(repository, "rev-list", "--count", "main")).Should().Be((environments + 1).ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(WriteMethod.GraphQL, false, 2)]
    [InlineData(WriteMethod.GraphQL, true, 3)]
    [InlineData(WriteMethod.GitData, false, 4)]
    [InlineData(WriteMethod.GitData, true, 5)]
    public async Task Promoting_to_the_default_branch_learns_its_name_in_the_first_read(WriteMethod method, bool specInRepository, int expected)
    {
        var (repository, spec) = await SetUpAsync(files: 3, environments: 1, specInRepository);
        var request = _promotions.Request(repository, spec!, Images.Pinned("ghcr.io/org/app", "2.0"), method) with { Branch = null, Spec = spec };

        var report = default(PromotionReport);
        var (writePath, guards) = Split(await CountAsync(async () => report = await _promotions.Promoter().PromoteAsync(request)));

        writePath.Should().HaveCount(expected, Describe(writePath));
        writePath.Should().NotContain(r => r.Method == "GET", "the default branch, the spec, the files and the history come from GraphQL queries");
        guards.Should().HaveCount(GuardReads(method, environments: 1), Describe(guards));
        report!.Results.Should().ContainSingle().Which.Branch.Should().Be("main");
        (await github.ShowTextAsync(repository, "main", FilePath(0, 2))).Should().Contain("2.0");
    }

    [Theory]
    [InlineData(WriteMethod.GraphQL, 2)]
    [InlineData(WriteMethod.GitData, 4)]
    public async Task A_later_promotion_in_the_process_reads_an_unchanged_spec_with_the_files_in_one_query(WriteMethod method, int expected)
    {
        var (repository, _) = await SetUpAsync(files: 3, environments: 1, specInRepository: true);
        var request = _promotions.Request(repository, null!, Images.Pinned("ghcr.io/org/app", "2.0"), method) with { Branch = null, Spec = null };
        await _promotions.Promoter().PromoteAsync(request);

        var (writePath, _) = Split(await CountAsync(() => _promotions.Promoter().PromoteAsync(request with { Image = Images.Pinned("ghcr.io/org/app", "3.0") })));

        writePath.Should().HaveCount(expected, Describe(writePath));
        (await github.ShowTextAsync(repository, "main", FilePath(0, 2))).Should().Contain("3.0");
    }

    [Fact]
    public async Task A_spec_changed_since_the_process_read_it_is_read_again_and_only_what_it_names_now_is_edited()
    {
        var (repository, _) = await SetUpAsync(files: 2, environments: 1, specInRepository: true);
        var request = _promotions.Request(repository, null!, Images.Pinned("ghcr.io/org/app", "2.0")) with { Branch = null, Spec = null };
        await _promotions.Promoter().PromoteAsync(request);
        await github.CompetingCommitAsync(repository, "promotion.yaml",
            spec => spec.Replace($"          - path: {FilePath(0, 1)}\n            helm: image.tag\n", "", StringComparison.Ordinal));

        var (writePath, _) = Split(await CountAsync(() => _promotions.Promoter().PromoteAsync(request with { Image = Images.Pinned("ghcr.io/org/app", "3.0") })));

        writePath.Should().HaveCount(3, "the query that finds the spec changed is followed by one for the files it names now, then the commit: " + Describe(writePath));
        (await github.ShowTextAsync(repository, "main", FilePath(0, 0))).Should().Contain("3.0");
        (await github.ShowTextAsync(repository, "main", FilePath(0, 1))).Should().Contain("2.0").And.NotContain("3.0");
    }

    [Fact]
    public async Task Git_data_sends_large_or_binary_files_as_blobs_and_lands_them_byte_for_byte()
    {
        var large = Encoding.UTF8.GetBytes("values:\n" + string.Concat(Enumerable.Repeat("  - padding line for a large values file\n", 8000)));
        byte[] binary = [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0x0A];
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["small.yaml"] = "a: 1\n" });
        using var client = github.Client();
        await using var writer = Support.Writers.Create(WriteMethod.GitData, github, repository, client);
        var snapshot = await writer.ReadAsync("main", ["small.yaml", "large.yaml", "image.png"]);

        var before = github.Server.RequestLog.Count;
        var sha = await writer.CommitAsync(snapshot, [new FileContent("small.yaml", "a: 2\n"u8.ToArray()), new FileContent("large.yaml", large), new FileContent("image.png", binary)],
            new CommitMessage("Three files", ""));

        large.Length.Should().BeGreaterThan(GitDataWriter.InlineLimit);
        github.Server.RequestLog.Skip(before).Count(r => r.Path.EndsWith("/git/blobs", StringComparison.Ordinal)).Should().Be(2);
        (await Git.BytesAsync(github.BarePath(repository), "cat-file", "blob", $"{sha}:large.yaml")).Should().Equal(large);
        (await Git.BytesAsync(github.BarePath(repository), "cat-file", "blob", $"{sha}:image.png")).Should().Equal(binary);
        (await github.ShowTextAsync(repository, "main", "small.yaml")).Should().Be("a: 2\n");
    }

    /// <summary>
    /// The moved-source guard reads the source branch once; the monotonic guard reads each environment's history, in the
    /// read of the files for the writers that read through GraphQL.
    /// </summary>
    private static int GuardReads(WriteMethod method, int environments) => 1 + (method is WriteMethod.GraphQL or WriteMethod.GitData ? 0 : environments);

    private static (List<Rehearsal.GitHub.RecordedRequest> WritePath, List<Rehearsal.GitHub.RecordedRequest> Guards) Split(List<Rehearsal.GitHub.RecordedRequest> requests)
    {
        static bool IsGuardRead(Rehearsal.GitHub.RecordedRequest r) =>
            r.Method == "GET" && (r.Path.StartsWith("/repos/source-org/", StringComparison.Ordinal) || r.Path.EndsWith("/commits", StringComparison.Ordinal));
        return (requests.Where(r => !IsGuardRead(r)).ToList(), requests.Where(IsGuardRead).ToList());
    }

    private static string Describe(IEnumerable<Rehearsal.GitHub.RecordedRequest> requests) => string.Join("\n", requests.Select(r => $"{r.Method} {r.Path}"));

    private async Task<List<Rehearsal.GitHub.RecordedRequest>> CountAsync(Func<Task> promote)
    {
        var before = github.Server.RequestLog.Count;
        await promote();
        return github.Server.RequestLog.Skip(before).ToList();
    }

    /// <summary>A repository with <paramref name="files"/> files in each of <paramref name="environments"/> environments; the spec in it, or returned.</summary>
    private async Task<(RepositoryId Repository, PromotionSpec? Spec)> SetUpAsync(int files, int environments, bool specInRepository)
    {
        var spec = new StringBuilder("apps:\n  app:\n    image: ghcr.io/org/app\n    environments:\n");
        var contents = new Dictionary<string, string>();
        for (var e = 0; e < environments; e++)
        {
            spec.Append(CultureInfo.InvariantCulture, $"      env{e}:\n        files:\n");
            for (var i = 0; i < files; i++)
            {
                spec.Append(CultureInfo.InvariantCulture, $"          - path: {FilePath(e, i)}\n            helm: image.tag\n");
                contents[FilePath(e, i)] = Content(i);
            }
        }

        if (specInRepository)
        {
            contents["promotion.yaml"] = spec.ToString();
        }

        var repository = await github.RepositoryAsync(files: contents);
        return (repository, specInRepository ? null : PromotionSpec.Parse(spec.ToString()));
    }

    private static string FilePath(int environment, int file) => $"envs/env{environment}/file{file}.yaml";

    private static string Content(int file) => (file % 3) switch
    {
        0 => CrLf,
        1 => Bom,
        _ => $"# file {file}\nimage:\n  tag: \"1.0\"\n",
    };
}
