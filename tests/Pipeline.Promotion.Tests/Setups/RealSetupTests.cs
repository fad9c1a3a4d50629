using System.Text.Json.Nodes;
using Pipeline.GitHub;
using Pipeline.Promotion.Tests.Support;
using Pipeline.Rehearsal.GitHub;

namespace Pipeline.Promotion.Tests.Setups;

/// <summary>The four setups of real teams, end to end against the local GitHub server.</summary>
public sealed class RealSetupTests(GitOpsServer github) : IClassFixture<GitOpsServer>, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("promotion-setups-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Job_winner_dispatch_opens_a_pull_request_per_app_which_is_auto_merged_and_its_branch_deleted()
    {
        var argocd = await github.RepositoryAsync(fixture: "job-winner", name: "argocd");
        var original = Fixtures.Read("job-winner", "lab/job-winner/chart/values.yaml");
        using var app = github.AppCredentials();

        foreach (var (name, image) in new[] { ("job-winner", "ghcr.io/januschung/job-winner"), ("job-winner-ui", "ghcr.io/januschung/job-winner-ui") })
        {
            var pinned = Images.Pinned(image, name == "job-winner" ? "5e6f7a8" : "b1c2d3e");
            await new Promoter().PromoteAsync(new PromotionRequest(github.Target(argocd), pinned)
            {
                App = name,
                WriteMethod = WriteMethod.Dispatch,
                Credentials = app,
                Source = new PromotionSource("januschung/job-winner", "5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f") { Branch = "main" },
                AllowMovedSource = true,
            });
            var recorded = github.Server.DispatchEvents.Last(e => e.Repository == argocd.Name);
            var eventPath = Path.Combine(_folder.FullName, name + ".json");
            await File.WriteAllTextAsync(eventPath, new JsonObject { ["action"] = recorded.EventType, ["client_payload"] = JsonNode.Parse(recorded.ClientPayload!.Value.GetRawText()) }.ToJsonString());

            var report = await new Promoter().ApplyDispatchAsync(eventPath, new PromotionSettings(github.Target(argocd)) { Credentials = app, AllowMovedSource = true, Rollback = true });

            var result = report.Results.Single();
            result.Status.Should().Be(PromotionStatus.PullRequestMerged);
            result.PullRequestBranch.Should().Be("auto/update-" + name);
            using var client = github.Client();
            var pull = await client.PullRequests.GetAsync(argocd, result.PullRequestNumber!.Value);
            pull.Title.Should().Be("Auto update image tag to " + pinned.Tag);
            pull.Labels.Select(l => l.Name).Should().Equal("automated");
            (await github.GitAsync(argocd, "branch", "--list", "auto/*")).Should().BeEmpty();
        }

        (await github.ShowTextAsync(argocd, "main", "lab/job-winner/chart/values.yaml")).Should().Be(original
            .Replace("tag: \"0a1b2c3\" # set by the update-tag workflow", "tag: \"5e6f7a8\" # set by the update-tag workflow", StringComparison.Ordinal)
            .Replace("tag: 9f8e7d6", "tag: b1c2d3e", StringComparison.Ordinal));
        (await github.ShowTextAsync(argocd, "main", "lab/photo/chart/values.yaml")).Should().Be(Fixtures.Read("job-winner", "lab/photo/chart/values.yaml"));
    }

    [Fact]
    public async Task Dev_and_prod_values_are_committed_by_tag_suffix_only_when_changed_with_the_branch_tag_and_message()
    {
        var gitops = await github.RepositoryAsync(fixture: "helm-environments");
        var spec = Fixtures.Spec("helm-environments");
        PromotionRequest Request(string tag, string branch) => new(PromotionTarget.GitUrl(github.Server.GitUrl(gitops.Owner, gitops.Name).ToString()), Images.Pinned("ghcr.io/myorg/myapp", tag))
        {
            Spec = spec,
            Credentials = github.UserCredentials,
            Source = new PromotionSource("myorg/myapp", "0123456789abcdef0123456789abcdef01234567") { Branch = branch, Message = "Speed up the search" },
            AllowMovedSource = true,
            Rollback = true,
        };

        var dev = (await new Promoter().PromoteAsync(Request("1.5.0-dev", "develop"))).Results.Single();
        var devHead = await github.HeadAsync(gitops);
        var again = (await new Promoter().PromoteAsync(Request("1.5.0-dev", "develop"))).Results.Single();
        var prod = (await new Promoter().PromoteAsync(Request("1.5.0-stable", "main"))).Results.Single();

        dev.Environment.Should().Be("dev");
        dev.Status.Should().Be(PromotionStatus.Committed);
        (await github.GitAsync(gitops, "log", "-1", "--format=%s", devHead)).Should().Be("Branch develop led to updated Docker image '1.5.0-dev': Speed up the search");
        (await github.GitAsync(gitops, "diff", "--name-only", devHead + "^", devHead)).Should().Be("environments/dev/values.yaml");
        again.Status.Should().Be(PromotionStatus.AlreadyPromoted);
        prod.Environment.Should().Be("prod");
        (await github.GitAsync(gitops, "rev-parse", "main^")).Should().Be(devHead);
        (await github.ShowTextAsync(gitops, "main", "environments/dev/values.yaml")).Should().Be(
            Fixtures.Read("helm-environments", "environments/dev/values.yaml").Replace("0.9.0-dev", "1.5.0-dev", StringComparison.Ordinal));
        (await github.ShowTextAsync(gitops, "main", "environments/prod/values.yaml")).Should().Be(
            Fixtures.Read("helm-environments", "environments/prod/values.yaml").Replace("0.8.0-stable", "1.5.0-stable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Platform_demo_container_is_bumped_through_the_contents_api_with_the_teams_message()
    {
        var gitops = await github.RepositoryAsync(fixture: "minicloud-gitops", name: "minicloud-gitops");
        var image = Images.Pinned("ghcr.io/andrelair-platform/platform-demo", "77b10fa");
        var classic = GitHubToken.PersonalAccessToken(new Secret(github.Server.IssuePersonalToken(GitOpsServer.User)));

        var result = (await new Promoter().PromoteAsync(new PromotionRequest(github.Target(gitops), image)
        {
            Spec = Fixtures.Spec("minicloud-gitops"),
            WriteMethod = WriteMethod.Contents,
            Credentials = classic,
            Source = new PromotionSource("andrelair-platform/platform-demo", "77b10fa9cd12d563820e1230a4fdceccfb199718") { Branch = "main" },
            AllowMovedSource = true,
            Rollback = true,
        })).Results.Single();

        result.Status.Should().Be(PromotionStatus.Committed);
        (await github.GitAsync(gitops, "log", "-1", "--format=%s", "main")).Should().Be("ci(platform-demo): bump image to 77b10fa");
        (await github.ShowTextAsync(gitops, "main", "manifests/platform-demo/00-deployment.yaml")).Should().Be(
            Fixtures.Read("minicloud-gitops", "manifests/platform-demo/00-deployment.yaml").Replace(
                "image: ghcr.io/stefanprodan/podinfo:6.11.2 # bootstrap image", $"image: {image} # bootstrap image", StringComparison.Ordinal));
        github.Server.RequestLog.Should().Contain(r => r.Method == "PUT" && r.Path.EndsWith("/contents/manifests/platform-demo/00-deployment.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ai_reliability_rollout_and_kustomization_are_pinned_together_on_protected_main_by_the_bypass_app()
    {
        var repository = await github.RepositoryAsync(fixture: "ai-reliability", name: "ai-reliability");
        github.Server.ProtectBranch(repository.Owner, repository.Name, "main", new BranchProtection { BypassApps = [GitOpsServer.AppSlug] });
        using var app = github.AppCredentials();
        using var reader = github.Client();
        var built = await github.HeadAsync(repository);
        var image = Images.Pinned("ghcr.io/org/ai-service", "sha-" + built[..7]);
        PromotionRequest Request(string commit, IGitHubCredentials credentials) => new(github.Target(repository), image)
        {
            Spec = Fixtures.Spec("ai-reliability"),
            Credentials = credentials,
            Source = new PromotionSource(repository.ToString(), commit) { Branch = "main" },
            SourceHistory = new GitHubSourceHistory(reader, repository),
        };

        var humans = () => new Promoter().PromoteAsync(Request(built, github.UserCredentials));
        await humans.Should().ThrowAsync<ProtectedBranchException>();
        var result = (await new Promoter().PromoteAsync(Request(built, app))).Results.Single();

        result.Status.Should().Be(PromotionStatus.Committed);
        (await github.GitAsync(repository, "rev-parse", "main^")).Should().Be(built);
        (await github.GitAsync(repository, "diff", "--name-only", built, "main")).Split('\n').Should().BeEquivalentTo(
            "platform/ai-reliability/rollout.yaml", "platform/ai-reliability/kustomization.yaml");
        (await github.GitAsync(repository, "log", "-1", "--format=%an", "main")).Should().Be(GitOpsServer.AppSlug + "[bot]");
        (await github.ShowTextAsync(repository, "main", "platform/ai-reliability/rollout.yaml")).Should().Contain($"          image: {image}\n");
        (await github.ShowTextAsync(repository, "main", "platform/ai-reliability/kustomization.yaml")).Should().EndWith($"    newTag: {image.Tag}\n    digest: {image.Digest}\n");

        var nextBuild = await github.HeadAsync(repository);
        using var appClient = github.Client(app);
        using var tokens = await InstallationTokenProvider.ForRepositoryAsync(appClient.Apps, repository);
        await github.CompetingCommitAsyncAs(tokens, repository, "src/main.go", t => t + "// newer work\n");
        var pinned = await github.HeadAsync(repository);
        var moved = () => new Promoter().PromoteAsync(Request(nextBuild, app) with { Image = Images.Pinned("ghcr.io/org/ai-service", "sha-next") });

        (await moved.Should().ThrowAsync<SourceMovedException>()).Which.Branch.Should().Be("main");
        (await github.HeadAsync(repository)).Should().Be(pinned);
    }
}
