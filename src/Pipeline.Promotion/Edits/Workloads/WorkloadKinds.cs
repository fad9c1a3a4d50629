namespace Pipeline.Promotion.Edits;

/// <summary>The workload kinds whose pod template the container edit knows, and where that template's spec is.</summary>
internal static class WorkloadKinds
{
    private static readonly string[] Template = ["spec", "template", "spec"];

    private static readonly Dictionary<string, string[]> PodSpecPaths = new(StringComparer.Ordinal)
    {
        ["Pod"] = ["spec"],
        ["Deployment"] = Template,
        ["StatefulSet"] = Template,
        ["DaemonSet"] = Template,
        ["ReplicaSet"] = Template,
        ["ReplicationController"] = Template,
        ["Job"] = Template,
        ["Rollout"] = Template,
        ["CronJob"] = ["spec", "jobTemplate", "spec", "template", "spec"],
    };

    /// <summary>The kinds, for documentation and error messages.</summary>
    public static IEnumerable<string> Names => PodSpecPaths.Keys;

    public static string[]? PodSpecPath(string kind) => PodSpecPaths.GetValueOrDefault(kind);
}
