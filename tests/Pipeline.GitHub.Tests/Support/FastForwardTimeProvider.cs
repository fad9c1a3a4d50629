namespace Pipeline.GitHub.Tests.Support;

/// <summary>
/// A clock whose timers fire at once: each requested delay is recorded and the clock moves forward by it,
/// so retry waits of seconds or minutes take no time in tests.
/// </summary>
public sealed class FastForwardTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _delays = [];
    private DateTimeOffset _now = start;

    public FastForwardTimeProvider()
        : this(DateTimeOffset.UtcNow)
    {
    }

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_gate)
            {
                return _delays.ToList();
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ImmediateTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Fire(TimeSpan dueTime, TimerCallback callback, object? state)
    {
        lock (_gate)
        {
            _delays.Add(dueTime);
            _now += dueTime;
        }

        ThreadPool.QueueUserWorkItem(_ => callback(state));
    }

    private sealed class ImmediateTimer(FastForwardTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                owner.Fire(dueTime, callback, state);
            }

            return true;
        }

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
