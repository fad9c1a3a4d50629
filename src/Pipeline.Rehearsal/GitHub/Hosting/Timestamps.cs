using System.Globalization;

namespace Pipeline.Rehearsal.GitHub.Hosting;

/// <summary>GitHub's timestamp format: ISO 8601 in UTC with a <c>Z</c> and whole seconds.</summary>
internal static class Timestamps
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? value) => value is null ? null : Format(value.Value);
}
