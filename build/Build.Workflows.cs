using Pipeline.Components;

namespace Pipeline.Build;

/// <summary>The GitHub Actions workflows come with <see cref="IPipelineWorkflows"/>; the receiver goes with the sample GitOps repository.</summary>
internal sealed partial class Build : IPipelineWorkflows
{
    string IPipelineWorkflows.GitOpsReceiverDirectory => "samples/gitops/.github/workflows";
}
