namespace Pipeline.Targets;

/// <summary>A parameter's current value as output may show it: secrets hidden, lists joined with commas.</summary>
/// <param name="Text">The value (<c>web</c>, <c>a,b</c>), or <c>not set</c>, <c>secret, set</c>, <c>secret, not set</c>, <c>value unavailable: ...</c>.</param>
/// <param name="IsSet">Whether the parameter has a value (bound, or given by its declaration).</param>
internal sealed record ParameterValue(string Text, bool IsSet)
{
    public static ParameterValue Of(object build, ParameterSpec parameter)
    {
        object? value;
        try
        {
            value = parameter.GetCurrentValue(build);
        }
        catch (Exception exception)
        {
            var cause = exception is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : exception;
            return new ParameterValue($"value unavailable: {cause.Message}", true);
        }
        if (parameter.IsSecret)
        {
            return value is null or "" ? new("secret, not set", false) : new("secret, set", true);
        }

        return value switch
        {
            null => new("not set", false),
            string s => new(s, true),
            System.Collections.IEnumerable items => new(string.Join(",", items.Cast<object>()), true),
            bool b => new(b ? "true" : "false", true),
            _ => new(value.ToString() ?? "", true),
        };
    }
}
