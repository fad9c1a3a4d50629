namespace Pipeline.GitHub;

/// <summary>One entry of the <c>errors</c> array GitHub returns with a 422 (or of a GraphQL response).</summary>
/// <param name="Resource">The resource, for example <c>PullRequest</c>.</param>
/// <param name="Field">The field, for example <c>head</c>.</param>
/// <param name="Code">GitHub's code: <c>missing</c>, <c>missing_field</c>, <c>invalid</c>, <c>already_exists</c>, <c>unprocessable</c>, <c>custom</c>; or a GraphQL error type.</param>
/// <param name="Message">GitHub's explanation, when it gives one.</param>
public sealed record GitHubFieldError(string? Resource, string? Field, string? Code, string? Message)
{
    /// <summary>A compact form such as <c>PullRequest.head: invalid (no commits between main and topic)</c>.</summary>
    public override string ToString()
    {
        var where = (Resource, Field) switch
        {
            (null, null) => null,
            (null, var f) => f,
            (var r, null) => r,
            var (r, f) => $"{r}.{f}",
        };
        var what = (Code, Message) switch
        {
            (null, null) => "error",
            (null, var m) => m,
            (var c, null) => c,
            var (c, m) => $"{c} ({m})",
        };
        return where is null ? what! : $"{where}: {what}";
    }
}
