using Pipeline.Rehearsal.GitHub.Faults;

namespace Pipeline.LocalRehearsal.Soak;

/// <summary>Plans the soak's random faults in the local server's fault injector.</summary>
internal static class SoakFaults
{
    private static readonly int[] ReadStatuses = [502, 503, 429];
    private static readonly int[] WriteStatuses = [502, 409, 422, 429];

    /// <summary>
    /// A share of <paramref name="percent"/> % of every GET, POST, PATCH and PUT fails. A 409 or 422 only ever answers a
    /// write (GitHub never answers a read with them); a 429 says <c>Retry-After: 1</c>.
    /// </summary>
    public static void Plan(FaultInjector faults, int percent, int seed)
    {
        faults.Clear();
        faults.Seed(seed);
        if (percent <= 0)
        {
            return;
        }

        Add(faults, "GET", ReadStatuses, percent / 100.0);
        foreach (var method in new[] { "POST", "PATCH", "PUT" })
        {
            Add(faults, method, WriteStatuses, percent / 100.0);
        }
    }

    private static void Add(FaultInjector faults, string method, int[] statuses, double total)
    {
        var share = total / statuses.Length;
        for (var i = 0; i < statuses.Length; i++)
        {
            // The injector tries faults in order and draws the i-th only when none before it hit, so each status gets an
            // equal share when its chance is its share of what the earlier ones left.
            faults.Add(new Fault(method, "**")
            {
                Status = statuses[i],
                Probability = share / (1 - (share * i)),
                Times = int.MaxValue,
                RetryAfter = statuses[i] == 429 ? TimeSpan.FromSeconds(1) : null,
                Message = statuses[i] switch
                {
                    409 => "Conflict (injected)",
                    422 => "Validation Failed (injected)",
                    _ => null,
                },
            });
        }
    }
}
