namespace TaxiDuration.Data.Tests.Download;

/// <summary>
/// A clock whose short timers (the retry pauses) end at once and are recorded, so a test sees the pauses the downloader
/// asked for without waiting them out; long ones (the attempt timeout) still run on the system clock.
/// </summary>
internal sealed class RetryPauseClock(TimeSpan longestPause) : TimeProvider
{
    private readonly List<TimeSpan> pauses = [];

    public IReadOnlyList<TimeSpan> Pauses
    {
        get
        {
            lock (pauses)
            {
                return [.. pauses];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime > longestPause || dueTime == Timeout.InfiniteTimeSpan)
        {
            return System.CreateTimer(callback, state, dueTime, period);
        }

        lock (pauses)
        {
            pauses.Add(dueTime);
        }

        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new EndedTimer();
    }

    private sealed class EndedTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
