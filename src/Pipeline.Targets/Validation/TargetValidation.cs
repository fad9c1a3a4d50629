namespace Pipeline.Targets;

/// <summary>
/// What a target's <see cref="ITargetDefinition.Validates(Func{TargetValidation, Task})"/> check sees and reports. Every
/// check of every target that will run is run before the first target starts (and by <c>--plan</c>); the build stops with
/// exit code 2 and one message listing every problem, each with its parameters, where their values came from, and the fix.
/// </summary>
public sealed class TargetValidation
{
    private readonly IPipelineBuild _build;
    private readonly List<InvocationProblem> _problems;
    private readonly List<ValidationSetting> _settings;
    private readonly IReadOnlySet<string> _running;

    internal TargetValidation(
        string target, IPipelineBuild build, bool planOnly, IReadOnlySet<string> running,
        List<InvocationProblem> problems, List<ValidationSetting> settings, CancellationToken cancellationToken)
    {
        _running = running;
        Target = target;
        _build = build;
        IsPlanOnly = planOnly;
        _problems = problems;
        _settings = settings;
        CancellationToken = cancellationToken;
    }

    /// <summary>The target being validated.</summary>
    public string Target { get; }

    /// <summary>True under <c>--plan</c>: nothing runs after the validation.</summary>
    public bool IsPlanOnly { get; }

    /// <summary>Cancelled on Ctrl-C.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The problems reported so far, by every target (a check can leave out what an earlier one reported).</summary>
    public int ProblemCount => _problems.Count;

    /// <summary>Whether the named target will run in this build (it is planned, and neither skipped nor invalid).</summary>
    public bool WillRun(string target) => _running.Contains(target);

    /// <summary>Where a parameter's value came from (see <see cref="IPipelineBuild.SourceOf"/>).</summary>
    public string SourceOf(string parameter) => _build.SourceOf(parameter);

    /// <summary>
    /// Reports a problem. Name the parameters whose values are at fault (member names such as <c>nameof(IHazImage.Image)</c>,
    /// or environment variables that are not parameters, such as <c>GITHUB_TOKEN</c>): the message lists each with its option,
    /// environment variable, value and source.
    /// </summary>
    /// <param name="message">What is wrong, with the value at fault.</param>
    /// <param name="fix">What to do about it.</param>
    /// <param name="parameters">The parameters (or plain environment variables) that would fix it.</param>
    public void Problem(string message, string fix, params string[] parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(fix);
        var problem = new InvocationProblem(message) { Target = Target, Fix = fix, Parameters = parameters };
        lock (_problems)
        {
            if (!_problems.Any(p => p.Message == message && p.Fix == fix))
            {
                _problems.Add(problem);
            }
        }
    }

    /// <summary>
    /// A setting shown before the first target starts and by <c>--plan</c>, with where it came from, such as the repository
    /// a target will write to and the identity it writes as. The first target to name a setting wins.
    /// </summary>
    /// <param name="name">What it is: <c>GitOps repository</c>.</param>
    /// <param name="value">Its value; never a secret.</param>
    /// <param name="source">Where it came from: <c>SourceOf(nameof(GitOpsRepository))</c>, or how it was derived.</param>
    public void Setting(string name, string value, string source)
    {
        lock (_settings)
        {
            if (!_settings.Any(s => s.Name == name))
            {
                _settings.Add(new ValidationSetting(name, value, source));
            }
        }
    }
}

/// <summary>A setting shown before the build starts.</summary>
internal sealed record ValidationSetting(string Name, string Value, string Source);
