using Pipeline.Promotion.Edits;
using Pipeline.Promotion.Tests.Support;

namespace Pipeline.Promotion.Tests.Audit;

public sealed class AuditTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("promotion-audit-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Trailers_format_in_order_skip_unknown_values_and_parse_back()
    {
        var trailers = new PromotionTrailers
        {
            PromotedImage = "ghcr.io/org/app:1.0@sha256:abc",
            ImageDigest = "sha256:abc",
            SourceCommit = "1234567",
            Environment = "prod\nInjected: yes",
        };

        var text = trailers.Format();

        text.Should().Be("Promoted-Image: ghcr.io/org/app:1.0@sha256:abc\nImage-Digest: sha256:abc\nSource-Commit: 1234567\nEnvironment: prod Injected: yes");
        var parsed = PromotionTrailers.Parse("Subject\n\nBody line\n\n" + text);
        parsed.Should().BeEquivalentTo(trailers with { Environment = "prod Injected: yes" });
    }

    [Fact]
    public async Task The_report_round_trips_through_promotion_json()
    {
        var report = Sample();
        var path = Path.Combine(_folder.FullName, "artifacts", "promotion.json");

        await report.WriteAsync(path);
        var read = await PromotionReport.ReadAsync(path);

        read.Should().BeEquivalentTo(report);
        var json = await File.ReadAllTextAsync(path);
        json.Should().Contain("\"status\": \"Committed\"").And.Contain("\"pullRequestUrl\": \"https://github.localhost/o/r/pull/7\"").And.Contain("\"method\": \"GraphQL\"");
    }

    [Fact]
    public void The_step_summary_has_a_row_per_environment_and_the_diffs()
    {
        var summary = Sample().ToMarkdownSummary();

        summary.Should().StartWith("### Promotion\n\nImage: `ghcr.io/org/app:1.1@sha256:");
        summary.Should().Contain("| app | dev | committed | `0123456789ab` | `dev/values.yaml` |");
        summary.Should().Contain("| app | prod | pull request opened | [#7](https://github.localhost/o/r/pull/7) | `prod/values.yaml` |");
        summary.Should().Contain("| app | staging | already pinned | - | - |");
        summary.Should().Contain("```diff\n--- a/dev/values.yaml\n+++ b/dev/values.yaml\n");
    }

    private static PromotionReport Sample()
    {
        var image = Images.Pinned("ghcr.io/org/app", "1.1").ToString();
        var change = new ManifestChange("dev/values.yaml", "values image.tag", "image.tag", "tag", "1.0", "1.1", 2, 8);
        var diff = "--- a/dev/values.yaml\n+++ b/dev/values.yaml\n@@ -1,2 +1,2 @@\n image:\n-  tag: 1.0\n+  tag: 1.1\n";
        return new PromotionReport(image,
        [
            new PromotionResult("app", "dev", PromotionStatus.Committed) { Image = image, CommitSha = "0123456789abcdef0123456789abcdef01234567", Files = [new PromotedFile("dev/values.yaml", [change], diff)], Attempts = 1 },
            new PromotionResult("app", "prod", PromotionStatus.PullRequestOpened)
            {
                Image = image, PullRequestUrl = "https://github.localhost/o/r/pull/7", PullRequestNumber = 7,
                Files = [new PromotedFile("prod/values.yaml", [change with { File = "prod/values.yaml" }], diff.Replace("dev/", "prod/", StringComparison.Ordinal))],
                Notes = ["Auto-merge enabled on #7"],
            },
            new PromotionResult("app", "staging", PromotionStatus.AlreadyPromoted) { Reason = "main already pins it" },
        ])
        { SourceCommit = "1111111" };
    }
}
