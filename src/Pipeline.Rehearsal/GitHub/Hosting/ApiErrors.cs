namespace Pipeline.Rehearsal.GitHub.Hosting;

/// <summary>An error answered as GitHub answers it: a status, a message and a documentation link.</summary>
internal sealed class ApiErrorException(int status, string message, string? documentationUrl = null,
    IReadOnlyList<ValidationErrorItem>? errors = null, IReadOnlyDictionary<string, string>? headers = null)
    : Exception(message)
{
    public int Status { get; } = status;

    public string DocumentationUrl { get; } = documentationUrl ?? "https://docs.github.com/rest";

    public IReadOnlyList<ValidationErrorItem>? Errors { get; } = errors;

    public IReadOnlyDictionary<string, string>? Headers { get; } = headers;

    public static ApiErrorException NotFound(string docs = "https://docs.github.com/rest") => new(404, "Not Found", docs);

    public static ApiErrorException BadCredentials() => new(401, "Bad credentials");

    public static ApiErrorException Validation(string docs, params ValidationErrorItem[] errors) =>
        new(422, "Validation Failed", docs, errors);

    public static ApiErrorException Unprocessable(string message, string docs) => new(422, message, docs);

    public static ApiErrorException Conflict(string message, string docs) => new(409, message, docs);

    public static ApiErrorException Forbidden(string message, string docs = "https://docs.github.com/rest") =>
        new(403, message, docs);
}
