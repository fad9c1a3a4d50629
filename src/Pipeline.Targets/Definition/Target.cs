namespace Pipeline.Targets;

/// <summary>
/// A target of the build: a property of the build class (or a default member of a component interface)
/// that configures its definition, as in <c>Target Test =&gt; _ =&gt; _.DependsOn(Compile).Executes(...)</c>.
/// </summary>
/// <param name="definition">The definition to configure.</param>
/// <returns>The configured definition.</returns>
public delegate ITargetDefinition Target(ITargetDefinition definition);

/// <summary>What happens to the dependencies of a target that is skipped.</summary>
public enum DependencyBehavior
{
    /// <summary>Dependencies still run (the default).</summary>
    Execute,

    /// <summary>Dependencies are skipped too, unless another target that runs needs them.</summary>
    Skip,
}
