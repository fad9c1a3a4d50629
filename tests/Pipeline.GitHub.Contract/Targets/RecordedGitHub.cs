using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GitHubContract.Targets;

/// <summary>
/// GitHub's recorded answers: each exchange is matched by method, path template (the most literal template wins)
/// and media type (<c>raw</c> or JSON). A request nothing answers is a 501 that names it, so a flow that strays from
/// what GitHub was seen to answer fails loudly.
/// </summary>
public sealed class RecordedGitHub
{
    private readonly List<Exchange> _exchanges;

    private RecordedGitHub(List<Exchange> exchanges) => _exchanges = exchanges;

    /// <summary>Method and template of every exchange that answered a request so far.</summary>
    public HashSet<string> Used { get; } = [];

    public IReadOnlyList<string> Templates => _exchanges.Select(e => e.Method + " " + e.Path).Distinct().ToList();

    public static RecordedGitHub Load()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Recorded", "api.github.com.json");
        var root = JsonNode.Parse(File.ReadAllText(file))!;
        return new RecordedGitHub(root["exchanges"]!.AsArray().Select(e => new Exchange(
            e!["method"]!.GetValue<string>(),
            e["path"]!.GetValue<string>(),
            e["accept"]?.GetValue<string>(),
            e["status"]!.GetValue<int>(),
            e["headers"]?.AsObject().ToDictionary(h => h.Key, h => h.Value!.GetValue<string>()) ?? [],
            e["body"])).ToList());
    }

    public HttpMessageHandler Handler() => new ReplayHandler(this);

    private Exchange? Find(HttpRequestMessage request)
    {
        var path = request.RequestUri!.AbsolutePath;
        var raw = request.Headers.Accept.Any(a => a.MediaType?.Contains(".raw", StringComparison.Ordinal) == true) ? "raw" : null;
        return _exchanges
            .Where(e => e.Method == request.Method.Method && e.Accept == raw && e.Pattern.IsMatch(path))
            .OrderByDescending(e => e.Literals)
            .FirstOrDefault();
    }

    private sealed record Exchange(string Method, string Path, string? Accept, int Status, Dictionary<string, string> Headers, JsonNode? Body)
    {
        public Regex Pattern { get; } = new("^" + Regex.Replace(Regex.Escape(Path), @"\\\{(\w+)}",
            m => m.Groups[1].Value is "path" or "ref" or "branch" ? "(.+)" : "([^/]+)") + "$");

        public int Literals { get; } = Path.Split('/').Count(s => s.Length > 0 && !s.StartsWith('{'));
    }

    private sealed class ReplayHandler(RecordedGitHub recorded) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var exchange = recorded.Find(request);
            if (exchange is null)
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotImplemented)
                {
                    Content = new StringContent(JsonSerializer.Serialize(new { message = $"No recorded answer for {request.Method} {request.RequestUri}" }),
                        Encoding.UTF8, "application/json"),
                });
            }

            lock (recorded.Used)
            {
                recorded.Used.Add(exchange.Method + " " + exchange.Path);
            }

            var response = new HttpResponseMessage((HttpStatusCode)exchange.Status) { RequestMessage = request };
            if (exchange.Body is not null)
            {
                var text = exchange.Body is JsonValue value && value.TryGetValue<string>(out var s) ? s : exchange.Body.ToJsonString();
                response.Content = new StringContent(text, Encoding.UTF8);
                response.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
            }

            response.Headers.TryAddWithoutValidation("X-GitHub-Api-Version-Selected", "2022-11-28");
            foreach (var (name, headerValue) in exchange.Headers)
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && response.Content is not null)
                {
                    response.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(headerValue);
                }
                else
                {
                    response.Headers.TryAddWithoutValidation(name, headerValue);
                }
            }

            return Task.FromResult(response);
        }
    }
}
