using System.Runtime.CompilerServices;

namespace Pipeline.Targets;

/// <summary>The fluent definition of a target. Every method returns the same definition.</summary>
public interface ITargetDefinition
{
    /// <summary>Sets the description shown by <c>--help</c> and <c>--plan</c>.</summary>
    ITargetDefinition Description(string description);

    /// <summary>Adds a synchronous action.</summary>
    ITargetDefinition Executes(Action action);

    /// <summary>Adds an asynchronous action.</summary>
    ITargetDefinition Executes(Func<Task> action);

    /// <summary>Adds a synchronous action that receives the target's context (facts, outputs, cancellation).</summary>
    ITargetDefinition Executes(Action<TargetContext> action);

    /// <summary>Adds an asynchronous action that receives the target's context (facts, outputs, cancellation).</summary>
    ITargetDefinition Executes(Func<TargetContext, Task> action);

    /// <summary>Targets that must run (and succeed) before this one; invoking this target pulls them in.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>Targets that depend on this one: invoking one of them pulls this target in before it.</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <summary>Orders this target after the given targets when both are in the plan; pulls nothing in.</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>Orders this target before the given targets when both are in the plan; pulls nothing in.</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>Targets that run after this one whenever this one is in the plan.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    /// <summary>Makes this target run after any of the given targets whenever one of them is in the plan.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <summary>Targets of a component the build implements that must run first: <c>DependsOn&lt;ITest&gt;(x =&gt; x.Test)</c>.</summary>
    ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets) where T : class;

    /// <summary>Targets of a component the build implements that depend on this one.</summary>
    ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets) where T : class;

    /// <summary>Orders this target after targets of a component the build implements.</summary>
    ITargetDefinition After<T>(params Func<T, Target>[] targets) where T : class;

    /// <summary>Orders this target before targets of a component the build implements.</summary>
    ITargetDefinition Before<T>(params Func<T, Target>[] targets) where T : class;

    /// <summary>A condition evaluated for every planned target before anything runs; false skips the target.</summary>
    ITargetDefinition OnlyWhenStatic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? expression = null);

    /// <summary>A condition evaluated just before the target runs; false skips it.</summary>
    ITargetDefinition OnlyWhenDynamic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? expression = null);

    /// <summary>Whether the dependencies of this target still run when a static condition or <c>--skip</c> skips it.</summary>
    ITargetDefinition WhenSkipped(DependencyBehavior behavior);

    /// <summary>Requires a value (usually a parameter) to be set; checked for every planned target before anything runs.</summary>
    ITargetDefinition Requires<T>(Func<T?> value, [CallerArgumentExpression(nameof(value))] string? expression = null);

    /// <summary>Requires a condition to hold; checked for every planned target before anything runs.</summary>
    ITargetDefinition Requires(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? expression = null);

    /// <summary>
    /// Checks this target's inputs before anything runs: formats of values, paths that must exist, a credential for each
    /// remote write, a cheap look at a remote service. Run for every target that will run, before the first one starts, and
    /// by <c>--plan</c>; any problem stops the build with exit code 2 and one message listing every problem.
    /// </summary>
    ITargetDefinition Validates(Action<TargetValidation> check);

    /// <summary>An asynchronous <see cref="Validates(Action{TargetValidation})"/> (for a check that reads a file or asks a service).</summary>
    ITargetDefinition Validates(Func<TargetValidation, Task> check);

    /// <summary>When this target fails, the build goes on with the targets that do not depend on it (and still fails at the end).</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>This target runs even after another target failed or the build was cancelled (Ctrl-C).</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Hides the target from <c>--help</c>; it can still be invoked.</summary>
    ITargetDefinition Unlisted();

    /// <summary>Declares the files this target produces (paths or globs relative to the root directory).</summary>
    ITargetDefinition Produces(params string[] patterns);
}
