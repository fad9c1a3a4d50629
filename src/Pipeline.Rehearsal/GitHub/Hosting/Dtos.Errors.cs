using System.Text.Json.Serialization;

namespace Pipeline.Rehearsal.GitHub.Hosting;

/// <summary>GitHub's <c>basic-error</c> body.</summary>
internal sealed record ErrorBody(string Message, string DocumentationUrl, string Status);

/// <summary>GitHub's <c>validation-error</c> body.</summary>
internal sealed record ValidationErrorBody(string Message, IReadOnlyList<ValidationErrorItem> Errors,
    string DocumentationUrl, string Status);

/// <summary>One entry of a <c>validation-error</c>'s <c>errors</c> array.</summary>
internal sealed record ValidationErrorItem(
    string Resource,
    string Code,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Field = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message = null);
