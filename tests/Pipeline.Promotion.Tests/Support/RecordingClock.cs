namespace Pipeline.Promotion.Tests.Support;

/// <summary>A clock whose timers fire at once: each delay asked for is recorded and the clock moves on by it.</summary>
public sealed class RecordingClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _delays = [];
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_gate)
            {
                return [.. _delays];
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

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new Timer(this, callback, state, dueTime);

    private sealed class Timer : ITimer
    {
        private readonly RecordingClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;

        public Timer(RecordingClock clock, TimerCallback callback, object? state, TimeSpan dueTime)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            Change(dueTime, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }

            lock (_clock._gate)
            {
                _clock._delays.Add(dueTime);
                _clock._now += dueTime;
            }

            ThreadPool.QueueUserWorkItem(_ => _callback(_state));
            return true;
        }

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
