using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub.Contract;

/// <summary>The server's routes, requests and responses checked against GitHub's OpenAPI description.</summary>
public sealed class ContractTests(OpenApiFixture openApi, ContractSession session)
    : IClassFixture<OpenApiFixture>, IClassFixture<ContractSession>
{
    /// <summary>Routes that are not REST operations: GraphQL, and the web pages and raw downloads behind html_url and download_url.</summary>
    private static readonly string[] NotRest =
    [
        "/graphql", "/raw/{owner}/{repo}/{**rest}", "/{owner}/{repo}", "/{owner}/{repo}/pull/{number:int}",
        "/{owner}/{repo}/commit/{sha}", "/{owner}/{repo}/compare/{**basehead}",

        // A release asset's browser_download_url: github.com, not the API.
        "/downloads/{owner}/{repo}/releases/{id:long}/{name}",
    ];

    /// <summary>
    /// Routes GitHub answers that its description leaves out, each with the reason the server serves it anyway.
    /// Their exchanges are not validated (there is no operation to validate against).
    /// </summary>
    private static readonly (string Method, string Template, Regex Path, string Reason)[] Undocumented =
    [
        ("GET", "/repos/{owner}/{repo}/git/refs", new Regex("^/repos/[^/]+/[^/]+/git/refs$"),
            "Octokit's Reference.GetAll; GitHub still lists every ref here"),
        ("GET", "/repos/{owner}/{repo}/git/refs/{**ref}", new Regex("^/repos/[^/]+/[^/]+/git/refs/.+$"),
            "Octokit's Reference.Get and GetAllForSubNamespace; GitHub answers one ref, or the refs under a prefix"),
        ("GET", "/repositories/{id:long}", new Regex("^/repositories/[0-9]+$"),
            "Octokit's Repository.Get(long); GitHub answers a repository by its id"),
    ];

    /// <summary>
    /// Defects of the description itself, each with the reason it is not the server's fault. Keep this list short;
    /// each entry names one operation and the exact errors it excuses.
    /// </summary>
    private static readonly (string Operation, Regex Error, string Reason)[] KnownDescriptionDefects =
    [
        ("GET /app/installations", new Regex(@"^\$\[\d+\]\.account: missing required property '(name|slug|created_at|updated_at)'$"),
            "account is inlined as allOf [simple-user, enterprise]; no account is both (GET /app/installations/{installation_id} says anyOf)"),
    ];

    [Fact]
    public void Every_REST_route_the_server_serves_exists_in_GitHubs_description()
    {
        var missing = RestRoutes()
            .Where(route => !Undocumented.Any(u => u.Method == route.Method && u.Template == route.Template))
            .Where(route => openApi.Description.MatchTemplate(route.Method, route.Template) is null)
            .Select(route => $"{route.Method} {route.Template}")
            .ToList();

        RestRoutes().Should().NotBeEmpty();
        missing.Should().BeEmpty("every served route must be an operation of api.github.com (@octokit/openapi {0})",
            OpenApiDescription.PackageVersion);
    }

    [Fact]
    public void Every_REST_route_is_exercised_by_the_contract_session()
    {
        var exercised = session.Exchanges
            .Select(e => (e.Method, Template: openApi.Description.MatchPath(e.Method, "/" + e.Path.Split('?')[0])
                ?? Undocumented.FirstOrDefault(u => u.Method == e.Method && u.Path.IsMatch("/" + e.Path.Split('?')[0])).Template))
            .ToHashSet();

        var unexercised = RestRoutes()
            .Where(route => !exercised.Contains((route.Method, openApi.Description.MatchTemplate(route.Method, route.Template)
                ?? Undocumented.FirstOrDefault(u => u.Method == route.Method && u.Template == route.Template).Template)))
            .Select(route => $"{route.Method} {route.Template}")
            .ToList();

        unexercised.Should().BeEmpty();
    }

    [Fact]
    public void Every_response_status_is_declared_and_every_JSON_body_validates()
    {
        var problems = new List<string>();
        foreach (var exchange in session.Exchanges.Where(e => !IsUndocumented(e)))
        {
            var name = $"{exchange.Method} /{exchange.Path} -> {exchange.Status}";
            var template = openApi.Description.MatchPath(exchange.Method, "/" + exchange.Path.Split('?')[0]);
            if (template is null)
            {
                problems.Add($"{name}: no such operation");
                continue;
            }

            var responses = openApi.Description.Operation(template, exchange.Method).GetProperty("responses");
            if (!responses.TryGetProperty(exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var declared)
                && !responses.TryGetProperty("default", out declared))
            {
                if (exchange.Status is 401 or 403)
                {
                    continue; // GitHub documents auth failures globally, not per operation.
                }

                problems.Add($"{name}: status not declared (declared: {string.Join(", ", responses.EnumerateObject().Select(p => p.Name))})");
                continue;
            }

            declared = openApi.Description.Resolve(declared);
            if (declared.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json)
                && json.TryGetProperty("schema", out var schema))
            {
                if (exchange.Json is null)
                {
                    problems.Add($"{name}: declared a JSON body, got: {exchange.Text}");
                    continue;
                }

                using var body = JsonDocument.Parse(exchange.Text);
                var operation = $"{exchange.Method} {template}";
                problems.AddRange(openApi.Validator.Validate(schema, body.RootElement)
                    .Where(e => !KnownDescriptionDefects.Any(d => d.Operation == operation && d.Error.IsMatch(e)))
                    .Select(e => $"{name}: {e}"));
            }
        }

        session.Exchanges.Should().HaveCountGreaterThan(40);
        problems.Should().BeEmpty();
    }

    [Fact]
    public void Every_request_body_the_tests_send_validates_against_the_operation()
    {
        var problems = new List<string>();
        foreach (var exchange in session.Exchanges.Where(e => e.RequestBody is not null))
        {
            var template = openApi.Description.MatchPath(exchange.Method, "/" + exchange.Path.Split('?')[0]);
            var operation = openApi.Description.Operation(template!, exchange.Method);
            if (!operation.TryGetProperty("requestBody", out var requestBody))
            {
                problems.Add($"{exchange.Method} /{exchange.Path}: operation takes no body");
                continue;
            }

            if (!openApi.Description.Resolve(requestBody).GetProperty("content").TryGetProperty("application/json", out var json))
            {
                continue; // A raw body (a release asset's bytes, "*/*"): nothing to validate.
            }

            var schema = json.GetProperty("schema");
            using var body = JsonDocument.Parse(exchange.RequestBody!);
            var errors = openApi.Validator.Validate(schema, body.RootElement);
            if (exchange.Status < 400)
            {
                problems.AddRange(errors.Select(e => $"{exchange.Method} /{exchange.Path}: {e}"));
            }
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Every_query_parameter_the_tests_send_is_declared_by_the_operation()
    {
        var problems = new List<string>();
        foreach (var exchange in session.Exchanges.Where(e => e.Path.Contains('?', StringComparison.Ordinal) && !IsUndocumented(e)))
        {
            var template = openApi.Description.MatchPath(exchange.Method, "/" + exchange.Path.Split('?')[0]);
            var declared = openApi.Description.Operation(template!, exchange.Method).TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Select(openApi.Description.Resolve)
                    .Where(p => p.GetProperty("in").GetString() == "query")
                    .Select(p => p.GetProperty("name").GetString()!)
                    .ToHashSet(StringComparer.Ordinal)
                : [];
            problems.AddRange(exchange.Path.Split('?', 2)[1].Split('&')
                .Select(pair => Uri.UnescapeDataString(pair.Split('=', 2)[0]))
                .Where(name => !declared.Contains(name))
                .Select(name => $"{exchange.Method} /{exchange.Path}: query parameter '{name}' is not declared (declared: {string.Join(", ", declared)})"));
        }

        session.Exchanges.Should().Contain(e => e.Path.Contains("/commits?", StringComparison.Ordinal));
        problems.Should().BeEmpty();
    }

    [Fact]
    public void List_commits_filters_by_path_and_pages_with_a_Link_header_as_GitHub_does()
    {
        var byPath = session.Exchanges.Single(e => e.Path.EndsWith("/commits?sha=feature&path=docs/hello.txt&per_page=1", StringComparison.Ordinal));
        var first = session.Exchanges.Single(e => e.Path.EndsWith("/commits?sha=feature&per_page=1", StringComparison.Ordinal));
        var second = session.Exchanges.Single(e => e.Path.EndsWith("/commits?sha=feature&per_page=1&page=2", StringComparison.Ordinal));

        byPath.Body.AsArray().Should().ContainSingle().Which!["commit"]!["message"]!.GetValue<string>().Should().Be("Add hello");
        byPath.Headers.Should().NotContainKey("Link", "no other commit of feature changed docs/hello.txt");
        first.Body.AsArray().Should().ContainSingle().Which!["sha"]!.GetValue<string>().Should().Be(byPath.Body[0]!["sha"]!.GetValue<string>());
        var list = second.Body[0]!["url"]!.GetValue<string>().Split("/commits/")[0] + "/commits?sha=feature&per_page=1&page=";
        first.Headers["Link"].Should().Be($"<{list}2>; rel=\"next\"");
        second.Body.AsArray().Should().ContainSingle().Which!["parents"]!.AsArray().Should().BeEmpty();
        second.Headers["Link"].Should().Be($"<{list}1>; rel=\"prev\", <{list}1>; rel=\"first\"");
    }

    [Fact]
    public void Deliberately_invalid_dispatch_body_is_rejected_by_the_description_too()
    {
        var invalid = session.Exchanges.Single(e => e.Path.EndsWith("/dispatches", StringComparison.Ordinal) && e.Status == 422);
        var template = openApi.Description.MatchPath("POST", "/" + invalid.Path)!;
        var schema = openApi.Description.Resolve(openApi.Description.Operation(template, "POST").GetProperty("requestBody"))
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        using var body = JsonDocument.Parse(invalid.RequestBody!);

        openApi.Validator.Validate(schema, body.RootElement).Should().ContainSingle().Which.Should().Contain("longer than 100");
    }

    [Fact]
    public void Validator_reports_a_missing_required_property_and_a_wrong_type()
    {
        var exchange = session.Exchanges.First(e => e.Method == "GET" && e.Path == "repos/acme/gitops");
        var broken = exchange.Body.DeepClone().AsObject();
        broken.Remove("default_branch");
        broken["private"] = "yes";
        var schema = openApi.Description.Resolve(openApi.Description.Operation("/repos/{owner}/{repo}", "GET")
            .GetProperty("responses").GetProperty("200")).GetProperty("content").GetProperty("application/json").GetProperty("schema");
        using var document = JsonDocument.Parse(broken.ToJsonString());

        openApi.Validator.Validate(schema, document.RootElement).Should().BeEquivalentTo(
            "$: missing required property 'default_branch'", "$.private: expected boolean, got String");
    }

    [Fact]
    public void Every_response_carries_the_Location_header_its_operation_declares()
    {
        var missing = new List<string>();
        foreach (var exchange in session.Exchanges.Where(e => e.Status is >= 200 and < 300 && !IsUndocumented(e)))
        {
            var template = openApi.Description.MatchPath(exchange.Method, "/" + exchange.Path.Split('?')[0])!;
            var responses = openApi.Description.Operation(template, exchange.Method).GetProperty("responses");
            if (responses.TryGetProperty(exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var declared)
                && openApi.Description.Resolve(declared).TryGetProperty("headers", out var headers)
                && headers.TryGetProperty("Location", out _) && !exchange.Headers.ContainsKey("Location"))
            {
                missing.Add($"{exchange.Method} /{exchange.Path} -> {exchange.Status}");
            }
        }

        session.Exchanges.Should().Contain(e => e.Path.Contains("/statuses/", StringComparison.Ordinal) && e.Status == 201);
        missing.Should().BeEmpty();
    }

    private static bool IsUndocumented(ApiResponse exchange) =>
        Undocumented.Any(u => u.Method == exchange.Method && u.Path.IsMatch("/" + exchange.Path.Split('?')[0]));

    private List<(string Method, string Template)> RestRoutes() =>
        session.Routes.Where(r => !NotRest.Contains(r.Template) && !r.Template.Contains(".git/", StringComparison.Ordinal)).ToList();
}

/// <summary>Loads the OpenAPI description once per test class.</summary>
public sealed class OpenApiFixture
{
    public OpenApiFixture()
    {
        Description = new OpenApiDescription();
        Validator = new SchemaValidator(Description);
    }

    public OpenApiDescription Description { get; }

    public SchemaValidator Validator { get; }
}
