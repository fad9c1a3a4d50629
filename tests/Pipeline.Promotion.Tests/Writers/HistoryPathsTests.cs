using Pipeline.Promotion.Writers;

namespace Pipeline.Promotion.Tests.Writers;

public sealed class HistoryPathsTests
{
    [Theory]
    [InlineData("lab/app/chart/values.yaml", "lab/app/chart/values.yaml")]
    [InlineData("platform/ai/rollout.yaml|platform/ai/kustomization.yaml", "platform/ai")]
    [InlineData("platform/ai/rollout.yaml|platform/ai/base/kustomization.yaml", "platform/ai")]
    [InlineData("env/prod/values.yaml|/env/prod/values.yaml", "env/prod/values.yaml")]
    [InlineData("environments/dev/values.yaml|environments/devops.yaml", "environments")]
    [InlineData("values.yaml|env/values.yaml", null)]
    [InlineData("apps/a.yaml|charts/a.yaml", null)]
    [InlineData("", null)]
    public void The_history_of_several_files_is_asked_for_the_deepest_folder_they_share(string paths, string? expected)
    {
        HistoryPaths.SharedFolder(paths.Split('|', StringSplitOptions.RemoveEmptyEntries)).Should().Be(expected);
    }
}
