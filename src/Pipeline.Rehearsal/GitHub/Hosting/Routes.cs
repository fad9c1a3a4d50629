using Pipeline.Rehearsal.GitHub.Faults;
using Pipeline.Rehearsal.GitHub.Rest;
using Pipeline.Rehearsal.GitHub.SmartHttp;

namespace Pipeline.Rehearsal.GitHub.Hosting;

/// <summary>The request pipeline and every route the server answers.</summary>
internal static class Routes
{
    public static void Configure(WebApplication app, GitHubState state, FaultInjector faults, RateLimits limits)
    {
        // GitHub Enterprise serves REST under /api/v3 and GraphQL at /api/graphql.
        app.Use((context, next) =>
        {
            if (context.Request.Path.Equals("/api/graphql", StringComparison.OrdinalIgnoreCase))
            {
                context.Request.PathBase = "/api";
                context.Request.Path = "/graphql";
            }

            return next(context);
        });
        app.UsePathBase("/api/v3");
        app.UseRouting();
        app.UseMiddleware<GitHubMiddleware>(state, faults, limits);
        RestEndpoints.Map(app, state);
        GraphQL.GraphQLEndpoint.Map(app, state);
        SmartHttpEndpoints.Map(app, state);
        Web.WebEndpoints.Map(app, state);
        app.MapFallback(context => throw ApiErrorException.NotFound());
    }
}
