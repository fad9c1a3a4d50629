using Pipeline.GitHub;
using Pipeline.Promotion.Tests.Support;
using Pipeline.Rehearsal.GitHub.Faults;
using Pipeline.Rehearsal.Soak;

namespace Pipeline.Promotion.Tests.Flow;

/// <summary>Promoters racing for one branch of the local GitHub server, and a server that refuses, fails or loses answers.</summary>
public sealed class ContentionTests(GitOpsServer github) : IClassFixture<GitOpsServer>
{
    private static readonly SoakRepository Apps = new("ghcr.io", 8);
    private readonly Promotions _promotions = new(github);

    public static TheoryData<WriteMethod> Methods => new() { WriteMethod.GraphQL, WriteMethod.GitData, WriteMethod.Contents, WriteMethod.Git };

    public static TheoryData<WriteMethod, int> RefusedWrites => new()
    {
        { WriteMethod.GraphQL, 409 }, { WriteMethod.GraphQL, 422 }, { WriteMethod.GitData, 409 }, { WriteMethod.GitData, 422 },
        { WriteMethod.Contents, 409 }, { WriteMethod.Contents, 422 },
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Two_promoters_of_different_files_on_one_branch_both_land(WriteMethod method)
    {
        var repository = await RepositoryAsync();
        var spec = PromotionSpec.Parse(Apps.Spec());
        PromotionResult? other = null;
        var promoter = _promotions.Promoter(inner => new AfterReadWriter(inner, async (read, _) =>
        {
            if (read == 1)
            {
                // Another promoter, as from another process, lands between this one's read and write.
                other = (await Separate().PromoteAsync(Request(repository, spec, 1, 1, method))).Results.Single();
            }
        }));

        var result = (await promoter.PromoteAsync(Request(repository, spec, 0, 1, method))).Results.Single();

        other!.Status.Should().Be(PromotionStatus.Committed);
        result.Status.Should().Be(PromotionStatus.Committed);
        result.Attempts.Should().Be(method == WriteMethod.Contents ? 1 : 2, "the contents API guards each file, the others the whole branch");
        (await github.GitAsync(repository, "rev-parse", "main^")).Should().Be(other.CommitSha);
        (await github.ShowTextAsync(repository, "main", SoakRepository.ValuesPath(0))).Should().Be(Apps.Values(0, "r1"));
        (await github.ShowTextAsync(repository, "main", SoakRepository.ValuesPath(1))).Should().Be(Apps.Values(1, "r1"));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Two_promoters_of_the_same_pin_one_writes_and_the_other_finds_it_done(WriteMethod method)
    {
        var repository = await RepositoryAsync();
        var spec = PromotionSpec.Parse(Apps.Spec());
        PromotionResult? other = null;
        var promoter = _promotions.Promoter(inner => new AfterReadWriter(inner, async (read, _) =>
        {
            if (read == 1)
            {
                // Another CI run of the same image: the same pin, its own run in the trailers.
                other = (await Separate().PromoteAsync(Request(repository, spec, 0, 1, method) with { CiRunUrl = "https://ci.example/runs/43" })).Results.Single();
            }
        }));

        var result = (await promoter.PromoteAsync(Request(repository, spec, 0, 1, method))).Results.Single();

        other!.Status.Should().Be(PromotionStatus.Committed);
        result.Status.Should().Be(PromotionStatus.AlreadyPromoted);
        result.Reason.Should().StartWith("already promoted").And.Contain(other.CommitSha!);
        (await PinsAsync(repository, Apps.Image(0, 1).ToString())).Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(RefusedWrites))]
    public async Task A_refused_write_is_retried_on_the_fresh_head_and_lands(WriteMethod method, int status)
    {
        var repository = await RepositoryAsync();
        var spec = PromotionSpec.Parse(Apps.Spec());
        string? competitor = null;
        var promoter = _promotions.Promoter(inner => new AfterReadWriter(inner, async (read, _) =>
        {
            if (read == 1)
            {
                competitor = await github.CompetingCommitAsync(repository, SoakRepository.ValuesPath(0), t => t.Replace("replicas: 1", "replicas: 3", StringComparison.Ordinal));
                github.Server.Faults.FailNext(WriteOf(method).Method, WriteOf(method).Path.Replace("{repository}", repository.ToString(), StringComparison.Ordinal), status);
            }
        }));

        var result = (await promoter.PromoteAsync(Request(repository, spec, 0, 1, method))).Results.Single();

        result.Status.Should().Be(PromotionStatus.Committed);
        result.Attempts.Should().Be(2);
        github.Server.Faults.Pending.Should().Be(0, "the fault answered the write");
        (await github.GitAsync(repository, "rev-parse", "main^")).Should().Be(competitor);
        (await github.ShowTextAsync(repository, "main", SoakRepository.ValuesPath(0))).Should().Be(Apps.Values(0, "r1").Replace("replicas: 1", "replicas: 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_that_always_rejects_stops_at_the_budget_and_says_how_many_attempts_how_long_and_on_which_head()
    {
        var repository = await RepositoryAsync();
        var head = await github.HeadAsync(repository);
        github.Server.Faults.Add(new Fault("PATCH", $"/repos/{repository}/git/refs/**") { Status = 422, Message = "Update is not a fast forward", Times = int.MaxValue });
        var request = Request(repository, PromotionSpec.Parse(Apps.Spec()), 0, 1, WriteMethod.GitData) with
        {
            Retry = new RetryOptions { MaxAttempts = null, Budget = TimeSpan.FromSeconds(3), BaseDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromMilliseconds(600) },
        };

        try
        {
            var act = () => _promotions.Promoter().PromoteAsync(request);

            var error = (await act.Should().ThrowAsync<PromotionConflictException>()).Which;
            error.Attempts.Should().BeGreaterThan(1, "it kept retrying until the budget ran out (how many attempts fit depends on how fast the machine answers)");
            error.LastHead.Should().Be(head);
            error.Elapsed.Should().BePositive();
            error.Message.Should().Contain($"gave up on main of {repository} after {error.Attempts} attempt(s) in ")
                .And.Contain("the budget of 3 s").And.Contain($"read head {head}").And.Contain("Nothing of this promotion was written")
                .And.Contain("--promotion-budget");
            _promotions.Delays.Should().HaveCount(error.Attempts - 1);
            (await github.HeadAsync(repository)).Should().Be(head);
        }
        finally
        {
            github.Server.Faults.Clear();
        }
    }

    [Fact]
    public async Task A_refusal_repeated_on_an_unmoved_head_is_not_a_race_and_fails_before_the_budget()
    {
        var repository = await RepositoryAsync();
        var head = await github.HeadAsync(repository);
        github.Server.Faults.Add(new Fault("PATCH", $"/repos/{repository}/git/refs/**") { Status = 422, Message = "Reference update failed", Times = int.MaxValue });

        try
        {
            var act = () => _promotions.Promoter().PromoteAsync(Request(repository, PromotionSpec.Parse(Apps.Spec()), 0, 1, WriteMethod.GitData));

            (await act.Should().ThrowAsync<GitHubValidationException>()).Which.Message.Should().Contain("Reference update failed");
            _promotions.Delays.Should().HaveCount(4);
            (await github.HeadAsync(repository)).Should().Be(head);
        }
        finally
        {
            github.Server.Faults.Clear();
        }
    }

    [Fact]
    public async Task A_write_whose_answer_was_lost_is_found_in_the_history_and_not_made_twice()
    {
        var repository = await RepositoryAsync();
        var promoter = _promotions.Promoter(inner => new LostAnswerWriter(inner));

        var result = (await promoter.PromoteAsync(Request(repository, PromotionSpec.Parse(Apps.Spec()), 0, 1, WriteMethod.GraphQL))).Results.Single();

        result.Status.Should().Be(PromotionStatus.Committed);
        result.Attempts.Should().Be(2);
        result.CommitSha.Should().Be(await github.HeadAsync(repository));
        result.Notes.Should().Contain(n => n.Contains("answer to an earlier attempt's write was lost", StringComparison.Ordinal));
        (await PinsAsync(repository, Apps.Image(0, 1).ToString())).Should().Be(1);
    }

    [Fact]
    public async Task Promoters_sharing_a_process_take_turns_on_the_branch_and_never_conflict()
    {
        var repository = await RepositoryAsync();
        var spec = PromotionSpec.Parse(Apps.Spec());
        var options = new PromoterOptions { Queue = new PromotionQueue() };

        var results = await Task.WhenAll(Enumerable.Range(0, Apps.Apps).Select(app =>
            Task.Run(async () => (await new Promoter(options).PromoteAsync(Request(repository, spec, app, 1, WriteMethod.GraphQL))).Results.Single())));

        results.Should().OnlyContain(r => r.Status == PromotionStatus.Committed && r.Attempts == 1);
        (await github.GitAsync(repository, "rev-list", "--count", "main")).Should().Be((Apps.Apps + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Promoters_in_separate_processes_race_and_all_land_exactly_once(WriteMethod method)
    {
        var repository = await RepositoryAsync();
        var spec = PromotionSpec.Parse(Apps.Spec());

        var results = await Task.WhenAll(Enumerable.Range(0, Apps.Apps).Select(app =>
            Task.Run(async () => (await Separate(realDelays: true).PromoteAsync(Request(repository, spec, app, 1, method))).Results.Single())));

        results.Should().OnlyContain(r => r.Status == PromotionStatus.Committed);
        for (var app = 0; app < Apps.Apps; app++)
        {
            (await PinsAsync(repository, Apps.Image(app, 1).ToString())).Should().Be(1);
            (await github.ShowTextAsync(repository, "main", SoakRepository.ValuesPath(app))).Should().Be(Apps.Values(app, "r1"));
        }
    }

    private static (string Method, string Path) WriteOf(WriteMethod method) => method switch
    {
        WriteMethod.GraphQL => ("POST", "/graphql"),
        WriteMethod.GitData => ("PATCH", "/repos/{repository}/git/refs/**"),
        _ => ("PUT", "/repos/{repository}/contents/**"),
    };

    /// <summary>A promoter with a queue of its own, as one in another process would be.</summary>
    private Promoter Separate(bool realDelays = false) => new(new PromoterOptions
    {
        Queue = null,
        Delay = realDelays ? Task.Delay : (_, _) => Task.CompletedTask,
    });

    private Task<RepositoryId> RepositoryAsync()
    {
        var files = new Dictionary<string, string>();
        for (var app = 0; app < Apps.Apps; app++)
        {
            files[SoakRepository.ValuesPath(app)] = Apps.Values(app, "r0");
        }

        return github.RepositoryAsync(files: files);
    }

    private PromotionRequest Request(RepositoryId repository, PromotionSpec spec, int app, int round, WriteMethod method) =>
        _promotions.Request(repository, spec, Apps.Image(app, round), method) with { App = SoakRepository.App(app), Branch = "main" };

    /// <summary>How many commits of main carry <paramref name="image"/> as their <c>Promoted-Image</c>.</summary>
    private async Task<int> PinsAsync(RepositoryId repository, string image) =>
        (await github.GitAsync(repository, "log", "--format=%(trailers:key=Promoted-Image,valueonly)", "main"))
            .Split('\n').Count(line => line.Trim() == image);

    /// <summary>Writes, then reports a 502 as if the answer had been lost on the way back.</summary>
    private sealed class LostAnswerWriter(IPromotionWriter inner) : IPromotionWriter
    {
        private int _writes;

        public WriteMethod Method => inner.Method;

        public string Repository => inner.Repository;

        public bool SupportsBranches => inner.SupportsBranches;

        public Task<string> GetDefaultBranchAsync(CancellationToken cancellationToken = default) => inner.GetDefaultBranchAsync(cancellationToken);

        public Task<RepositorySnapshot> ReadAsync(string branch, IReadOnlyList<string> paths, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(branch, paths, cancellationToken);

        public async Task<string?> CommitAsync(RepositorySnapshot basis, IReadOnlyList<FileContent> files, CommitMessage message, CancellationToken cancellationToken = default)
        {
            var sha = await inner.CommitAsync(basis, files, message, cancellationToken);
            return Interlocked.Increment(ref _writes) == 1
                ? throw new GitHubServerException("POST graphql CreateCommitOnBranch got no answer (the connection dropped).", null)
                : sha;
        }

        public IAsyncEnumerable<HistoryCommit> ReadHistoryAsync(string commit, IReadOnlyList<string> paths, int limit, CancellationToken cancellationToken = default) =>
            inner.ReadHistoryAsync(commit, paths, limit, cancellationToken);

        public Task<string?> GetBranchHeadAsync(string branch, CancellationToken cancellationToken = default) => inner.GetBranchHeadAsync(branch, cancellationToken);

        public Task CreateBranchAsync(string branch, string sha, CancellationToken cancellationToken = default) => inner.CreateBranchAsync(branch, sha, cancellationToken);

        public Task DeleteBranchAsync(string branch, CancellationToken cancellationToken = default) => inner.DeleteBranchAsync(branch, cancellationToken);

        public Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken = default) => inner.IsAncestorAsync(ancestor, descendant, cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
