namespace Pipeline.Targets;

/// <summary>Renders <see cref="GitHubWorkflow"/>s to YAML and writes those that changed.</summary>
internal static class WorkflowGenerator
{
    public const string Header = "Generated from build/Build.cs by ./build.sh; change the build, not this file.";

    public static string Render(GitHubWorkflow workflow, BuildModel model)
    {
        Validate(workflow, model);
        var yaml = new YamlWriter().Comment(Header).Value("name", workflow.Name).Blank();
        yaml.Map("on", () => WriteTriggers(yaml, workflow.On)).Blank();
        if (workflow.ConcurrencyGroup != null)
        {
            yaml.Map("concurrency", () => yaml.Value("group", workflow.ConcurrencyGroup).Typed("cancel-in-progress", workflow.CancelInProgress));
            yaml.Blank();
        }
        yaml.Map("permissions", workflow.Permissions).Blank();
        yaml.Map("jobs", () =>
        {
            var first = true;
            foreach (var job in workflow.Jobs)
            {
                if (!first)
                {
                    yaml.Blank();
                }

                first = false;
                WriteJob(yaml, job);
            }
        });
        return yaml.ToString();
    }

    public static void WriteIfChanged(AbsolutePath root, BuildModel model, IEnumerable<GitHubWorkflow> workflows)
    {
        foreach (var workflow in workflows)
        {
            var path = root / workflow.RelativePath;
            var text = Render(workflow, model);
            if (AtomicFile.TryReadAllText(path) == text)
            {
                continue;
            }

            AtomicFile.WriteAllText(path, text);
            Log.Information($"Updated {workflow.RelativePath} from the build.");
        }
    }

    private static void WriteTriggers(YamlWriter yaml, WorkflowTriggers on)
    {
        if (on.PushBranches.Count > 0)
        {
            yaml.Map("push", () => yaml.Flow("branches", on.PushBranches));
        }

        if (on.PullRequestBranches.Count > 0)
        {
            yaml.Map("pull_request", () => yaml.Flow("branches", on.PullRequestBranches));
        }

        if (on.RepositoryDispatchTypes.Count > 0)
        {
            yaml.Map("repository_dispatch", () => yaml.Flow("types", on.RepositoryDispatchTypes));
        }

        if (on.WorkflowDispatch)
        {
            yaml.Map("workflow_dispatch", () => { });
        }
    }

    private static void WriteJob(YamlWriter yaml, GitHubJob job)
    {
        yaml.Map(job.Id, () =>
        {
            yaml.Value("name", job.Name ?? (job.Uses is { } uses && job.Targets.Count == 0 ? uses.Split('@')[0].Split('/')[^1] : string.Join(" + ", job.Targets)));
            if (job.Needs.Count > 0)
            {
                yaml.Flow("needs", job.Needs);
            }

            if (job.Matrix.Count > 0)
            {
                yaml.Map("strategy", () =>
                {
                    yaml.Typed("fail-fast", false);
                    yaml.Map("matrix", () => yaml.Map("include", () =>
                    {
                        foreach (var combination in job.Matrix)
                        {
                            yaml.Item(() => { foreach (var (key, value) in combination) { yaml.Value(key, value); } });
                        }
                    }));
                });
            }
            yaml.Value("runs-on", job.RunsOn);
            yaml.Typed("timeout-minutes", job.TimeoutMinutes);
            yaml.Map("permissions", job.Permissions);
            if (job.Outputs.Count > 0)
            {
                yaml.Map("outputs", job.Outputs.ToDictionary(o => o.Key, o => $"${{{{ steps.build.outputs.{o.Value} }}}}"));
            }

            yaml.Map("steps", () => WriteSteps(yaml, job));
        });
    }

    private static void WriteSteps(YamlWriter yaml, GitHubJob job)
    {
        if (job.Uses is { } action)
        {
            yaml.Item(() =>
            {
                yaml.Value("id", "build").Value("uses", action);
                if (job.With.Count > 0)
                {
                    yaml.Map("with", job.With);
                }
            });
            return;
        }
        yaml.Item(() =>
        {
            yaml.Value("uses", "actions/checkout@v4");
            yaml.Map("with", () =>
            {
                if (job.CheckoutRepository != null)
                {
                    yaml.Value("repository", job.CheckoutRepository);
                }

                if (job.CheckoutToken != null)
                {
                    yaml.Value("token", job.CheckoutToken);
                }

                yaml.Typed("fetch-depth", 0);
                yaml.Typed("persist-credentials", false);
            });
        });
        yaml.Item(() => yaml.Value("uses", "actions/setup-dotnet@v4").Map("with", () => yaml.Value("global-json-file", "global.json")));
        foreach (var download in job.Downloads)
        {
            yaml.Item(() => yaml.Value("uses", "actions/download-artifact@v4").Map("with", () =>
            {
                if (download.Name.Contains('*'))
                {
                    yaml.Value("pattern", download.Name).Typed("merge-multiple", true);
                }
                else
                {
                    yaml.Value("name", download.Name);
                }

                yaml.Value("path", download.Path);
            }));
        }
        var command = string.Join(' ', new[] { "./build.sh" }.Concat(job.Targets).Concat(job.SkipDependencies ? ["--skip"] : []).Concat(job.Arguments.Select(Shell)));
        yaml.Item(() =>
        {
            yaml.Value("id", "build");
            yaml.Value("run", command);
            yaml.Map("env", job.Environment);
        });
        foreach (var upload in job.Uploads)
        {
            yaml.Item(() => yaml.Value("uses", "actions/upload-artifact@v4").Map("with", () =>
                yaml.Value("name", upload.Name).Value("path", upload.Path).Value("if-no-files-found", "error")));
        }
    }

    private static string Shell(string argument) =>
        argument.All(c => char.IsLetterOrDigit(c) || "-_./:=,@+".Contains(c)) ? argument : "\"" + argument.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static void Validate(GitHubWorkflow workflow, BuildModel model)
    {
        var ids = workflow.Jobs.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var job in workflow.Jobs)
        {
            foreach (var target in job.Targets.Where(t => model.FindTarget(t) is null))
            {
                throw new BuildDefinitionException($"Workflow {workflow.FileName}, job {job.Id}: target '{target}' does not exist.");
            }

            foreach (var need in job.Needs.Where(n => !ids.Contains(n)))
            {
                throw new BuildDefinitionException($"Workflow {workflow.FileName}, job {job.Id}: needs unknown job '{need}'.");
            }

            foreach (var argument in job.Arguments.Where(a => a.Contains("${{", StringComparison.Ordinal) || a.Contains('$')))
            {
                throw new BuildDefinitionException(
                    $"Workflow {workflow.FileName}, job {job.Id}: argument '{argument}' would be interpolated into the run script; " +
                    "pass the value through the job's Environment and let the build read it as a parameter.");
            }
        }
    }
}
