using System.Diagnostics;
using Pipeline.GitHub;
using Pipeline.Promotion;
using Pipeline.Rehearsal.GitHub;
using Pipeline.Rehearsal.Soak;

namespace Pipeline.LocalRehearsal.Soak;

/// <summary>
/// Many promoters against one branch of the local GitHub server, with injected faults, for each writer: every app has a
/// promoter that runs its rounds one after the other while all the others do the same. The verdict comes from the
/// final history (<see cref="SoakRun"/>), not from what the promoters reported.
/// <code>var report = await PromotionSoak.RunAsync(new SoakOptions { Promoters = 10, Rounds = 2 });
/// Console.WriteLine(report.ToText());</code>
/// </summary>
public static class PromotionSoak
{
    private const string Owner = "soak";
    private const string Name = "gitops";

    /// <summary>Runs the soak of every writer in <paramref name="options"/>, one writer after the other.</summary>
    public static async Task<SoakReport> RunAsync(SoakOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var runs = new List<SoakRun>();
        foreach (var writer in options.Writers)
        {
            runs.Add(await RunWriterAsync(writer, options, cancellationToken).ConfigureAwait(false));
        }

        return new SoakReport(options, runs);
    }

    private static async Task<SoakRun> RunWriterAsync(WriteMethod writer, SoakOptions options, CancellationToken cancellationToken)
    {
        var (promoters, rounds) = writer == WriteMethod.Git ? (options.GitPromoters, options.GitRounds) : (options.Promoters, options.Rounds);
        options.Log($"{writer.ToName()}: {promoters} promoters x {rounds} rounds, {options.FaultPercent}% faults");

        // Every promoter here shares one credential; the hourly quota is not what is being soaked.
        await using var server = await LocalGitHubServer.StartAsync(new LocalGitHubServerOptions { RateLimit = int.MaxValue / 4 }, cancellationToken).ConfigureAwait(false);
        var layout = new SoakRepository("ghcr.io", promoters);
        var seed = Directory.CreateTempSubdirectory("soak-seed-");
        try
        {
            layout.WriteTo(seed.FullName);
            await server.CreateRepositoryAsync(Owner, Name, "main", seed.FullName).ConfigureAwait(false);
        }
        finally
        {
            seed.Delete(recursive: true);
        }

        var credentials = GitHubToken.PersonalAccessToken(new Secret(server.IssuePersonalToken("soak-bot")));
        var target = writer == WriteMethod.Git
            ? PromotionTarget.GitUrl(server.GitUrl(Owner, Name).ToString())
            : PromotionTarget.GitHub(new RepositoryId(Owner, Name), GitHubEndpoint.FromApiUrl(server.ApiUrl));
        using var http = new HttpClient();
        var promoterOptions = new PromoterOptions { HttpClient = http, Queue = options.SharedQueue ? new PromotionQueue() : null };

        SoakFaults.Plan(server.Faults, options.FaultPercent, options.Seed);
        var clock = Stopwatch.StartNew();
        var all = await Task.WhenAll(Enumerable.Range(0, promoters).Select(app => Task.Run(async () =>
        {
            var done = new List<SoakPromotion>();
            for (var round = 1; round <= rounds; round++)
            {
                var request = new PromotionRequest(target, layout.Image(app, round))
                {
                    App = SoakRepository.App(app),
                    Branch = "main",
                    WriteMethod = writer,
                    Credentials = credentials,
                    Source = new PromotionSource($"soak/{SoakRepository.App(app)}", null),
                };
                request = options.Budget is { } budget ? request with { Retry = request.Retry with { Budget = budget } } : request;
                done.Add(await PromoteAsync(promoterOptions, request, app, round, cancellationToken).ConfigureAwait(false));
            }

            return done;
        }, cancellationToken))).ConfigureAwait(false);
        clock.Stop();
        server.Faults.Clear();

        var promotions = all.SelectMany(p => p).ToList();
        var requests = server.RequestLog;
        var run = new SoakRun(writer.ToName(), promoters, rounds, promotions, clock.Elapsed)
        {
            Requests = (requests.Count, requests.Count(r => r.Status >= 400)),
        };
        run = await SoakHistory.CheckAsync(run, server.BareRepositoryPath(Owner, Name), layout, cancellationToken).ConfigureAwait(false);
        options.Log(run.Row());
        return run;
    }

    private static async Task<SoakPromotion> PromoteAsync(PromoterOptions options, PromotionRequest request, int app, int round, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var image = request.Image!.ToString();
        try
        {
            var result = (await new Promoter(options).PromoteAsync(request, cancellationToken).ConfigureAwait(false)).Results.Single();
            return new SoakPromotion(app, round, image, result.Status.ToString(), result.CommitSha, result.Attempts, null, clock.Elapsed);
        }
        catch (PromotionConflictException exception)
        {
            return new SoakPromotion(app, round, image, null, null, exception.Attempts, $"{exception.GetType().Name}: {exception.Message}", clock.Elapsed);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The soak counts failures of every kind; the final history decides what landed.
            return new SoakPromotion(app, round, image, null, null, 1, $"{exception.GetType().Name}: {exception.Message}", clock.Elapsed);
        }
    }
}
