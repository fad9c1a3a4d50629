namespace Pipeline.Targets;

/// <summary>
/// What a build was given on its command line, so that a target starting a nested build
/// (<see cref="TargetContext.RunBuildAsync"/>) can pass it on: every parameter with its tokens as written, and the profiles.
/// </summary>
/// <param name="Parameters">By parameter name (<c>GitOpsApp</c>): the option and its values as written (<c>--gitops-app</c>, <c>web</c>).</param>
/// <param name="Profiles">The <c>--profile</c> names, in order.</param>
public sealed record CommandLineParameters(IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters, IReadOnlyList<string> Profiles)
{
    /// <summary>Nothing given.</summary>
    public static CommandLineParameters None { get; } = new(new Dictionary<string, IReadOnlyList<string>>(), []);

    /// <summary>
    /// The arguments that give the same parameters and profiles again, leaving out the parameters named in
    /// <paramref name="except"/> (by name, case-insensitively), which the nested build is given otherwise.
    /// </summary>
    public IReadOnlyList<string> ToArguments(IEnumerable<string> except)
    {
        var left = new HashSet<string>(except, StringComparer.OrdinalIgnoreCase);
        var arguments = Parameters.Where(p => !left.Contains(p.Key)).SelectMany(p => p.Value).ToList();
        if (Profiles.Count > 0)
        {
            arguments.AddRange(["--profile", .. Profiles]);
        }

        return arguments;
    }
}
