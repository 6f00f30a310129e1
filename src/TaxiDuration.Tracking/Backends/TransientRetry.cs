using Polly;
using Polly.Retry;

namespace TaxiDuration.Tracking.Backends;

/// <summary>
/// Runs a whole unit of work again when the database refused it for a moment (SQLite busy, a PostgreSQL deadlock or
/// serialization failure): the database already rolled it back, so running it again is safe. Polly's retry with
/// linear pauses and jitter, so writers that collided do not collide again in lock step; once the retries are spent,
/// the last refusal becomes the caller's <paramref name="exhausted"/> error, which names the store.
/// </summary>
/// <typeparam name="TException">The database driver's error type.</typeparam>
internal sealed class TransientRetry<TException>(int maxRetries, Func<TException, bool> isTransient, Func<TException, Exception> exhausted)
    where TException : Exception
{
    private readonly ResiliencePipeline pipeline = maxRetries == 0
        ? ResiliencePipeline.Empty
        : new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle(isTransient),
            MaxRetryAttempts = maxRetries,
            BackoffType = DelayBackoffType.Linear,
            Delay = TimeSpan.FromMilliseconds(20),
            UseJitter = true,
        }).Build();

    public T Execute<T>(Func<T> attempt)
    {
        try
        {
            return pipeline.Execute(attempt);
        }
        catch (TException error) when (isTransient(error))
        {
            throw exhausted(error);
        }
    }
}
