using Pipeline.Promotion.Tests.Support;

namespace Pipeline.Promotion.Tests.Flow;

public sealed class CommitModeTests(GitOpsServer github) : IClassFixture<GitOpsServer>
{
    private const string Values = "# app values\nimage:\n  repository: ghcr.io/org/app\n  tag: \"1.0.0\" # set by CI\nreplicas: 2\n";
    private readonly Promotions _promotions = new(github);

    public static TheoryData<WriteMethod> Methods => new() { WriteMethod.GraphQL, WriteMethod.GitData, WriteMethod.Contents, WriteMethod.Git };

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Promote_commits_the_edit_with_message_and_trailers(WriteMethod method)
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        var image = Images.Pinned("ghcr.io/org/app", "1.1.0");
        var before = await github.HeadAsync(repository);

        var report = await _promotions.Promoter().PromoteAsync(_promotions.Request(repository, Promotions.SimpleSpec(), image, method));

        var result = report.Results.Should().ContainSingle().Which;
        result.Status.Should().Be(PromotionStatus.Committed);
        result.CommitSha.Should().Be(await github.HeadAsync(repository));
        result.Method.Should().Be(method);
        result.Attempts.Should().Be(1);
        (await github.ShowTextAsync(repository, "main", "values.yaml")).Should().Be(Values.Replace("\"1.0.0\"", "\"1.1.0\"", StringComparison.Ordinal));
        (await github.GitAsync(repository, "rev-parse", "main^")).Should().Be(before);
        (await github.GitAsync(repository, "log", "-1", "--format=%B", "main")).Should().Be(
            $"Promote app to prod: 1.1.0\n\nPromoted-Image: {image}\nImage-Digest: {image.Digest}\nSource-Repository: source-org/app\n"
            + "Source-Commit: 1111111111111111111111111111111111111111\nEnvironment: prod\nCI-Run: https://ci.example/runs/42");
        result.Files.Should().ContainSingle().Which.Changes.Should().ContainSingle().Which.NewValue.Should().Be("1.1.0");
        result.Files[0].Diff.Should().Contain("-  tag: \"1.0.0\" # set by CI").And.Contain("+  tag: \"1.1.0\" # set by CI");
    }

    [Fact]
    public async Task Promoting_what_is_already_pinned_writes_nothing_and_says_so()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        var request = _promotions.Request(repository, Promotions.SimpleSpec(), Images.Pinned("ghcr.io/org/app", "1.1.0"));
        await _promotions.Promoter().PromoteAsync(request);
        var head = await github.HeadAsync(repository);

        var again = await _promotions.Promoter().PromoteAsync(request);

        var result = again.Results.Should().ContainSingle().Which;
        result.Status.Should().Be(PromotionStatus.AlreadyPromoted);
        result.AlreadyPinned.Should().BeTrue();
        result.Reason.Should().Contain("already pins").And.Contain(head);
        result.CommitSha.Should().BeNull();
        again.Changed.Should().BeFalse();
        (await github.HeadAsync(repository)).Should().Be(head);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task A_competing_commit_between_read_and_write_is_kept_and_the_edit_reapplied(WriteMethod method)
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        var request = _promotions.Request(repository, Promotions.SimpleSpec(), Images.Pinned("ghcr.io/org/app", "1.2.0"), method);
        string? competitor = null;
        var promoter = _promotions.Promoter(inner => new AfterReadWriter(inner, async (read, _) =>
        {
            if (read == 1)
            {
                competitor = await github.CompetingCommitAsync(repository, "values.yaml", t => t.Replace("replicas: 2", "replicas: 5", StringComparison.Ordinal));
            }
        }));

        var result = (await promoter.PromoteAsync(request)).Results.Single();

        result.Status.Should().Be(PromotionStatus.Committed);
        result.Attempts.Should().Be(2);
        _promotions.Delays.Should().ContainSingle().Which.Should().BeGreaterThan(TimeSpan.Zero);
        (await github.GitAsync(repository, "rev-parse", "main^")).Should().Be(competitor);
        (await github.ShowTextAsync(repository, "main", "values.yaml")).Should().Be(
            Values.Replace("\"1.0.0\"", "\"1.2.0\"", StringComparison.Ordinal).Replace("replicas: 2", "replicas: 5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_branch_that_keeps_moving_stops_at_the_attempt_limit_and_nothing_is_written()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        var request = _promotions.Request(repository, Promotions.SimpleSpec(), Images.Pinned("ghcr.io/org/app", "1.3.0")) with
        {
            Retry = PromotionRequest.DefaultRetry with { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(150) },
        };
        var promoter = _promotions.Promoter(inner => new AfterReadWriter(inner, (read, _) =>
            github.CompetingCommitAsync(repository, "values.yaml", t => t.Replace("replicas: ", $"replicas: {read}", StringComparison.Ordinal))));

        var act = () => promoter.PromoteAsync(request);

        var error = (await act.Should().ThrowAsync<PromotionConflictException>()).Which;
        error.Attempts.Should().Be(3);
        error.LastHead.Should().NotBeNull();
        error.Message.Should().Contain("after 3 attempt(s)").And.Contain("the limit of 3 attempts").And.Contain("Nothing of this promotion was written");
        _promotions.Delays.Should().HaveCount(2).And.OnlyContain(d => d >= TimeSpan.FromMilliseconds(100) && d <= TimeSpan.FromMilliseconds(150));
        (await github.ShowTextAsync(repository, "main", "values.yaml")).Should().Contain("tag: \"1.0.0\"");
    }

    [Fact]
    public async Task A_dry_run_shows_the_diff_and_steps_and_writes_nothing()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        var head = await github.HeadAsync(repository);

        var report = await _promotions.Promoter().PromoteAsync(_promotions.Request(repository, Promotions.SimpleSpec(), Images.Pinned("ghcr.io/org/app", "2.0.0")) with { DryRun = true });

        var result = report.Results.Single();
        report.DryRun.Should().BeTrue();
        result.Status.Should().Be(PromotionStatus.DryRun);
        result.Files.Single().Diff.Should().StartWith("--- a/values.yaml\n+++ b/values.yaml\n@@").And.Contain("+  tag: \"2.0.0\" # set by CI");
        result.Steps.Should().HaveCount(2);
        result.Steps[1].Should().Contain("createCommitOnBranch").And.Contain(head);
        result.Message.Should().StartWith("Promote app to prod: 2.0.0\n\nPromoted-Image: ");
        (await github.HeadAsync(repository)).Should().Be(head);
    }

    [Fact]
    public async Task The_spec_is_read_from_the_repository_when_none_is_given()
    {
        var spec = "apps:\n  app:\n    image: ghcr.io/org/app\n    environments:\n      prod:\n        message: 'deploy {tag}'\n        files: [{path: values.yaml, helm: image.tag}]\n";
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values, ["promotion.yaml"] = spec });

        var report = await _promotions.Promoter().PromoteAsync(_promotions.Request(repository, null!, Images.Pinned("ghcr.io/org/app", "3.0.0")) with { Spec = null });

        report.Results.Single().Status.Should().Be(PromotionStatus.Committed);
        (await github.GitAsync(repository, "log", "-1", "--format=%s", "main")).Should().Be("deploy 3.0.0");
    }

    [Fact]
    public async Task Requests_that_do_not_fit_the_spec_fail_before_writing()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        var promoter = _promotions.Promoter();
        var request = _promotions.Request(repository, Promotions.SimpleSpec(), Images.Pinned("ghcr.io/org/app", "1.0.1"));

        (await promoter.Invoking(p => p.PromoteAsync(request with { Image = Images.Pinned("ghcr.io/org/other", "1.0") })).Should().ThrowAsync<PromotionRequestException>())
            .WithMessage("*No app*deploys ghcr.io/org/other*");
        (await promoter.Invoking(p => p.PromoteAsync(request with { Image = Pipeline.Containers.ImageReference.Parse("ghcr.io/org/app:1.0") })).Should().ThrowAsync<PromotionRequestException>())
            .WithMessage("*not pinned*");
        (await promoter.Invoking(p => p.PromoteAsync(request with { Environments = ["staging"] })).Should().ThrowAsync<PromotionRequestException>())
            .WithMessage("*no environment 'staging'*");
        (await promoter.Invoking(p => p.PromoteAsync(request with { Spec = Promotions.SimpleSpec(path: "missing.yaml") })).Should().ThrowAsync<PromotionRequestException>())
            .WithMessage("*missing.yaml does not exist on main*");
        (await promoter.Invoking(p => p.PromoteAsync(request with { WriteMethod = WriteMethod.Worktree })).Should().ThrowAsync<PromotionRequestException>())
            .WithMessage("*worktree cannot write to*");
    }

    [Theory]
    [InlineData(WriteMethod.GraphQL)]
    [InlineData(WriteMethod.Git)]
    public async Task An_environment_lands_whole_or_not_at_all_when_one_file_cannot_be_edited(WriteMethod method)
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["a.yaml"] = "image:\n  tag: 1\n", ["b.yaml"] = "other:\n  tag: 1\n" });
        var spec = PromotionSpec.Parse("apps:\n  app:\n    image: ghcr.io/org/app\n    environments:\n      prod:\n        files: [{path: a.yaml, helm: image.tag}, {path: b.yaml, helm: image.tag}]\n");
        var head = await github.HeadAsync(repository);

        var act = () => _promotions.Promoter().PromoteAsync(_promotions.Request(repository, spec, Images.Pinned("ghcr.io/org/app", "2"), method));

        (await act.Should().ThrowAsync<Pipeline.Promotion.Edits.ManifestMatchException>()).Which.File.Should().Be("b.yaml");
        (await github.HeadAsync(repository)).Should().Be(head);
    }

    [Fact]
    public async Task Contents_refuses_an_environment_whose_promotion_changes_two_files()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["a.yaml"] = "image:\n  tag: 1\n", ["b.yaml"] = "image:\n  tag: 1\n" });
        var spec = PromotionSpec.Parse("apps:\n  app:\n    image: ghcr.io/org/app\n    environments:\n      prod:\n        files: [{path: a.yaml, helm: image.tag}, {path: b.yaml, helm: image.tag}]\n");
        var head = await github.HeadAsync(repository);

        var act = () => _promotions.Promoter().PromoteAsync(_promotions.Request(repository, spec, Images.Pinned("ghcr.io/org/app", "2"), WriteMethod.Contents));

        (await act.Should().ThrowAsync<PromotionRequestException>()).WithMessage("*writes one file per commit*changes 2 files*Use --write-method GraphQL*or GitData*nothing was written*");
        (await github.HeadAsync(repository)).Should().Be(head);
    }

    [Fact]
    public async Task Environments_not_matching_the_tag_are_skipped_and_named_ones_reported()
    {
        var repository = await github.RepositoryAsync(fixture: "helm-environments");
        var spec = Fixtures.Spec("helm-environments");
        var head = await github.HeadAsync(repository);

        var all = await _promotions.Promoter().PromoteAsync(_promotions.Request(repository, spec, Images.Pinned("ghcr.io/myorg/myapp", "1.0-feature")));
        var named = await _promotions.Promoter().PromoteAsync(_promotions.Request(repository, spec, Images.Pinned("ghcr.io/myorg/myapp", "1.0-feature")) with { Environments = ["prod"] });

        all.Results.Should().BeEmpty();
        all.Notes.Should().ContainSingle().Which.Should().Contain("matches tag '1.0-feature'");
        all.ToMarkdownSummary().Should().Contain("No environment was promoted.");
        named.Results.Should().ContainSingle().Which.Reason.Should().Contain("does not match when.tag (.*-stable)");
        (await github.HeadAsync(repository)).Should().Be(head);
    }
}
