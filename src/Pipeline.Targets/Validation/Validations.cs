namespace Pipeline.Targets;

/// <summary>Runs the <c>Validates(...)</c> checks of every target that will run, in plan order, before anything runs.</summary>
internal static class Validations
{
    public static async Task<List<InvocationProblem>> RunAsync(
        IReadOnlyList<PlannedTarget> plan, ISet<PlannedTarget> unmet, PipelineBuild build, bool planOnly, List<ValidationSetting> settings, CancellationToken cancellation)
    {
        var problems = new List<InvocationProblem>();
        var running = plan.Where(t => t.Status is null).Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var target in plan.Where(t => t.Status is null && !unmet.Contains(t)))
        {
            var validation = new TargetValidation(target.Name, build, planOnly, running, problems, settings, cancellation);
            foreach (var check in target.Spec.Definition.Checks)
            {
                try
                {
                    await check(validation).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception exception)
                {
                    var cause = exception is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : exception;
                    var message = cause is BuildException || cause.GetType().Namespace?.StartsWith("Pipeline", StringComparison.Ordinal) == true
                        ? cause.Message
                        : $"{cause.GetType().Name}: {cause.Message}";
                    lock (problems)
                    {
                        problems.Add(new InvocationProblem($"its check failed: {message}") { Target = target.Name });
                    }
                }
            }
        }
        return problems;
    }
}
