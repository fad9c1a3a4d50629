using System.Globalization;

namespace Pipeline.Rehearsal.GitHub.SmartHttp;

/// <summary>Runs <c>git http-backend</c> as a CGI program for one request and relays its answer.</summary>
internal static class GitHttpBackend
{
    public static async Task RunAsync(HttpContext context, string projectRoot, string pathInfo, string remoteUser,
        IReadOnlyDictionary<string, string> extraEnvironment)
    {
        var request = context.Request;
        var environment = GitCli.Isolation();
        environment["GIT_PROJECT_ROOT"] = projectRoot;
        environment["GIT_HTTP_EXPORT_ALL"] = "1";
        environment["PATH_INFO"] = pathInfo;
        environment["REQUEST_METHOD"] = request.Method;
        environment["QUERY_STRING"] = request.QueryString.Value?.TrimStart('?') ?? "";
        environment["CONTENT_TYPE"] = request.ContentType ?? "";
        environment["REMOTE_USER"] = remoteUser;
        environment["REMOTE_ADDR"] = context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1";
        environment["GIT_COMMITTER_NAME"] = remoteUser;
        environment["GIT_COMMITTER_EMAIL"] = remoteUser + "@users.noreply.localhost";
        if (request.ContentLength is { } length)
        {
            environment["CONTENT_LENGTH"] = length.ToString(CultureInfo.InvariantCulture);
        }

        if (request.Headers.ContentEncoding.ToString() is { Length: > 0 } encoding)
        {
            environment["HTTP_CONTENT_ENCODING"] = encoding;
        }

        if (request.Headers["Git-Protocol"].ToString() is { Length: > 0 } protocol)
        {
            environment["GIT_PROTOCOL"] = protocol;
        }

        foreach (var (key, value) in extraEnvironment)
        {
            environment[key] = value;
        }

        // Both ends stream: the request body is copied to stdin as it arrives, the answer relayed as git writes it.
        await ProcessRunner.RunAsync(
            new ProcessRequest("git", ["http-backend"])
            {
                Environment = environment,
                Input = ProcessInput.FromStream(request.Body),
                ReadStandardOutput = async (output, ct) =>
                {
                    await RelayHeadersAsync(output, context.Response);
                    await output.CopyToAsync(context.Response.Body, ct);
                },
                ThrowOnFailure = false,
            },
            context.RequestAborted);
    }

    private static async Task RelayHeadersAsync(Stream output, HttpResponse response)
    {
        while (await ReadLineAsync(output) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                response.StatusCode = int.Parse(value.AsSpan(0, 3), CultureInfo.InvariantCulture);
            }
            else
            {
                response.Headers[name] = value;
            }
        }
    }

    private static async Task<string> ReadLineAsync(Stream stream)
    {
        var line = new StringBuilder();
        var buffer = new byte[1];
        while (await stream.ReadAsync(buffer) == 1 && buffer[0] != '\n')
        {
            if (buffer[0] != '\r')
            {
                line.Append((char)buffer[0]);
            }
        }

        return line.ToString();
    }
}
