using System.Diagnostics;

namespace Pipeline.Targets;

public static partial class BuildEngine
{
    private static async Task<int> ExecuteAsync(IReadOnlyList<PlannedTarget> plan, AbsolutePath root, BuildOutput output, NestedRunner nested, CommandLineParameters passed, CancellationToken cancellation)
    {
        var cleanups = new List<Func<Task>>();
        try
        {
            return await ExecuteTargetsAsync(plan, root, output, nested, passed, cleanups, cancellation).ConfigureAwait(false);
        }
        finally
        {
            for (var i = cleanups.Count - 1; i >= 0; i--)
            {
                try
                {
                    await cleanups[i]().ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    output.Write(LogLevel.Warning, $"A cleanup at the end of the build failed: {Describe(exception)}");
                }
            }
        }
    }

    private static async Task<int> ExecuteTargetsAsync(IReadOnlyList<PlannedTarget> plan, AbsolutePath root, BuildOutput output, NestedRunner nested, CommandLineParameters passed, List<Func<Task>> cleanups, CancellationToken cancellation)
    {
        var stopping = false;
        var bySpec = plan.ToDictionary(t => t.Spec);
        foreach (var target in plan)
        {
            if (target.Status == TargetStatus.Skipped)
            {
                continue;
            }

            var assured = target.Spec.Definition.Assured;
            if (!assured && cancellation.IsCancellationRequested)
            {
                target.Status = TargetStatus.NotRun;
                target.Reason = "the build was cancelled";
                continue;
            }
            if (!assured && stopping)
            {
                target.Status = TargetStatus.NotRun;
                target.Reason = "an earlier target failed";
                continue;
            }
            var blocked = target.Spec.AllDependencies
                .Where(bySpec.ContainsKey)
                .Select(d => bySpec[d])
                .FirstOrDefault(d => d.Status is TargetStatus.Failed or TargetStatus.NotRun or TargetStatus.Aborted);
            if (!assured && blocked != null)
            {
                target.Status = TargetStatus.NotRun;
                target.Reason = $"dependency {blocked.Name} did not succeed";
                continue;
            }

            var failed = await RunTargetAsync(target, root, output, nested, passed, cleanups, assured ? CancellationToken.None : cancellation).ConfigureAwait(false);
            if (failed && !target.Spec.Definition.Proceeds)
            {
                stopping = true;
            }
        }

        if (cancellation.IsCancellationRequested)
        {
            return BuildOutcome.Cancelled;
        }

        return plan.Any(t => t.Status is TargetStatus.Failed or TargetStatus.NotRun or TargetStatus.Aborted)
            ? BuildOutcome.Failure
            : BuildOutcome.Success;
    }

    /// <summary>Runs one target; returns true when it failed or was aborted.</summary>
    private static async Task<bool> RunTargetAsync(PlannedTarget target, AbsolutePath root, BuildOutput output, NestedRunner nested, CommandLineParameters passed, List<Func<Task>> cleanups, CancellationToken cancellation)
    {
        output.BeginTarget(target.Name);
        var stopwatch = Stopwatch.StartNew();
        // File times are coarse on some file systems: a file written right at the start still counts.
        var started = DateTime.UtcNow.AddSeconds(-1);
        var context = new TargetContext(
            target.Name,
            root,
            cancellation,
            (build, arguments, environment) => nested(build, arguments, environment, cancellation),
            cleanup =>
            {
                lock (cleanups)
                {
                    cleanups.Add(cleanup);
                }
            })
        {
            OnDoing = output.Doing,
            CommandLine = passed,
        };
        target.Context = context;
        try
        {
            foreach (var condition in target.Spec.Definition.DynamicConditions)
            {
                if (!condition.Evaluate())
                {
                    target.Skip("condition false: " + condition.Text, statically: false);
                    output.Write(LogLevel.Information, $"Skipped: {target.Reason}");
                    return false;
                }
            }
            foreach (var action in target.Spec.Definition.Actions)
            {
                // Run on the pool so that even a synchronous action can be abandoned on Ctrl-C.
                await Task.Run(() => action(context), CancellationToken.None).WaitAsync(cancellation).ConfigureAwait(false);
            }
            target.Status = TargetStatus.Succeeded;
            if (ProducedFiles.Find(root, target.Spec.Definition.ProducedPatterns, since: started) is { Count: > 0 } produced)
            {
                context.Report("produced", ProducedFiles.Describe(produced));
            }

            return false;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            target.Status = TargetStatus.Aborted;
            target.Reason = "cancelled while running";
            output.Write(LogLevel.Error, $"Target {target.Name} was aborted.");
            return true;
        }
        catch (Exception exception)
        {
            target.Status = TargetStatus.Failed;
            target.Reason = FirstLine(exception.Message);
            output.Write(LogLevel.Error, output.Verbosity == Verbosity.Verbose ? exception.ToString() : Describe(exception));
            return true;
        }
        finally
        {
            target.Duration = stopwatch.Elapsed;
            output.EndTarget();
        }
    }

    private static string Describe(Exception exception) =>
        exception is BuildException || exception.GetType().Namespace?.StartsWith("Pipeline", StringComparison.Ordinal) == true
            ? exception.Message
            : $"{exception.GetType().Name}: {exception.Message}";

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].TrimEnd('\r');
        return line.Length > 100 ? line[..97] + "..." : line;
    }
}
