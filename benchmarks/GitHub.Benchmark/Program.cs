using System.Diagnostics;
using System.Globalization;
using Pipeline.GitHub;
using Pipeline.GitHub.Benchmark;
using Pipeline.Rehearsal.GitHub;

// HTTP requests needed to read N files of a branch and write them back, per API path, against the local GitHub
// server over loopback. Requests are counted twice: leaving the client (a counting handler) and arriving at the
// server (its request log); the two must agree. Each run gets a fresh repository and is checked afterwards.
var sizes = new[] { 1, 3, 10 };
var approaches = new (string Name, Func<IGitHubClient, RepositoryId, IReadOnlyList<string>, Task> Run)[]
{
    ("GraphQL", Approaches.GraphQLAsync),
    ("Git Data API", Approaches.GitDataAsync),
    ("Contents API", Approaches.ContentsAsync),
};

await using var server = await LocalGitHubServer.StartAsync();
var token = new Secret(server.IssuePersonalToken("bench"));
var counter = new CountingHandler();
using var http = new HttpClient(counter);
using var client = new GitHubClient(new GitHubClientOptions(GitHubEndpoint.FromApiUrl(server.ApiUrl), GitHubToken.PersonalAccessToken(token)), http);

var rows = new List<string[]>();
var notes = new SortedSet<string>(StringComparer.Ordinal);
var run = 0;
foreach (var (name, approach) in approaches)
{
    foreach (var n in sizes)
    {
        var repository = new RepositoryId("bench", $"gitops-{++run}");
        var paths = Enumerable.Range(1, n).Select(i => $"env/prod/app-{i}/values.yaml").ToList();
        await SeedAsync(server, repository, paths);
        var before = await CommitCountAsync(server, repository);
        var logged = server.RequestLog.Count;
        counter.Reset();
        var clock = Stopwatch.StartNew();
        string requests, commits, ms;
        try
        {
            await approach(client, repository, paths);
            clock.Stop();
            var sent = counter.Count;
            var received = server.RequestLog.Skip(logged).Count();
            if (sent != received)
            {
                throw new InvalidOperationException($"{name} N={n}: the client sent {sent} requests but the server logged {received}.");
            }

            await CheckAsync(server, repository, paths);
            requests = sent.ToString(CultureInfo.InvariantCulture);
            commits = (await CommitCountAsync(server, repository) - before).ToString(CultureInfo.InvariantCulture);
            ms = clock.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture);
        }
        catch (GitHubException e)
        {
            requests = "n/a";
            commits = "n/a";
            ms = e.GetType().Name;
            notes.Add($"{name}: {e.Message}");
        }

        rows.Add([name, n.ToString(CultureInfo.InvariantCulture), requests, commits, ms]);
    }
}

Print(["Path", "N files", "HTTP requests", "Commits", "ms (loopback, one run)"], rows);
foreach (var note in notes)
{
    Console.WriteLine();
    Console.WriteLine("n/a " + note);
}

return 0;

static async Task SeedAsync(LocalGitHubServer server, RepositoryId repository, IReadOnlyList<string> paths)
{
    var seed = Directory.CreateTempSubdirectory("github-bench-");
    try
    {
        foreach (var path in paths)
        {
            var file = Path.Combine(seed.FullName, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, $"image:\n  repository: ghcr.io/org/{path.GetHashCode(StringComparison.Ordinal):x}\n  tag: \"1.0.0\"\n");
        }

        await server.CreateRepositoryAsync(repository.Owner, repository.Name, "main", seed.FullName);
    }
    finally
    {
        seed.Delete(recursive: true);
    }
}

static async Task<int> CommitCountAsync(LocalGitHubServer server, RepositoryId repository) =>
    int.Parse(await Git.RunAsync(server.BareRepositoryPath(repository.Owner, repository.Name), "rev-list", "--count", "main"), CultureInfo.InvariantCulture);

static async Task CheckAsync(LocalGitHubServer server, RepositoryId repository, IReadOnlyList<string> paths)
{
    foreach (var path in paths)
    {
        var text = await Git.RunAsync(server.BareRepositoryPath(repository.Owner, repository.Name), "show", "main:" + path);
        if (!text.EndsWith("pinned: sha256:0123", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{repository}:{path} was not written: {text}");
        }
    }
}

static void Print(string[] header, List<string[]> rows)
{
    var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
    string Line(string[] cells) => "| " + string.Join(" | ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))) + " |";
    Console.WriteLine(Line(header));
    Console.WriteLine("|" + string.Join("|", widths.Select((w, i) => i == 0 ? new string('-', w + 2) : new string('-', w + 1) + ":")) + "|");
    foreach (var row in rows)
    {
        Console.WriteLine(Line(row));
    }
}
