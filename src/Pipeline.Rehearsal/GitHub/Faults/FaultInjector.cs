namespace Pipeline.Rehearsal.GitHub.Faults;

/// <summary>Plans failures and delays for upcoming requests; thread-safe.</summary>
public sealed class FaultInjector
{
    private readonly List<(Fault Fault, int Remaining)> _faults = [];
    private Random _random = new();

    /// <summary>How many planned fault applications have not happened yet.</summary>
    public int Pending
    {
        get
        {
            lock (_faults)
            {
                return _faults.Sum(f => f.Remaining);
            }
        }
    }

    /// <summary>Plans a fault.</summary>
    public void Add(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (fault.Times < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault.Times, "A fault must affect at least one request.");
        }

        lock (_faults)
        {
            _faults.Add((fault, fault.Times));
        }
    }

    /// <summary>The next <paramref name="times"/> matching requests answer <paramref name="status"/>.</summary>
    public void FailNext(string method, string path, int status, int times = 1, TimeSpan? retryAfter = null,
        string? message = null) =>
        Add(new Fault(method, path) { Status = status, Times = times, RetryAfter = retryAfter, Message = message });

    /// <summary>The next <paramref name="times"/> matching requests are served after <paramref name="delay"/>.</summary>
    public void DelayNext(string method, string path, TimeSpan delay, int times = 1) =>
        Add(new Fault(method, path) { Delay = delay, Times = times });

    /// <summary>The next <paramref name="times"/> matching requests hit a secondary rate limit (429 with Retry-After).</summary>
    public void RateLimitNext(string method, string path, TimeSpan retryAfter, int times = 1) =>
        Add(new Fault(method, path) { Status = 429, Times = times, RetryAfter = retryAfter });

    /// <summary>Makes the draws of faults with a <see cref="Fault.Probability"/> below 1 repeatable.</summary>
    public void Seed(int seed)
    {
        lock (_faults)
        {
            _random = new Random(seed);
        }
    }

    /// <summary>Forgets every planned fault.</summary>
    public void Clear()
    {
        lock (_faults)
        {
            _faults.Clear();
        }
    }

    internal Fault? Take(string method, string path)
    {
        lock (_faults)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var (fault, remaining) = _faults[i];
                if ((fault.Method == "*" || fault.Method.Equals(method, StringComparison.OrdinalIgnoreCase))
                    && PathPattern.Matches(fault.Path, path))
                {
                    if (fault.Probability < 1 && _random.NextDouble() >= fault.Probability)
                    {
                        continue;
                    }

                    if (remaining == 1)
                    {
                        _faults.RemoveAt(i);
                    }
                    else
                    {
                        _faults[i] = (fault, remaining - 1);
                    }

                    return fault;
                }
            }

            return null;
        }
    }
}
