using TaxiDuration.Tracking.Backends;

namespace TaxiDuration.Tracking.Tests;

/// <summary>
/// The backends' retry of a unit of work the database refused for a moment, driven by a unit of work that fails on
/// cue: how many times it runs, and which error the caller sees when it keeps failing.
/// </summary>
public sealed class TransientRetryTests
{
    [Fact]
    public void A_transient_refusal_is_run_again_until_the_unit_of_work_succeeds()
    {
        var attempts = 0;

        var result = Retry(maxRetries: 3).Execute(() => ++attempts < 3 ? throw new Refusal("busy") : attempts);

        Assert.Equal(3, result);
    }

    [Fact]
    public void Once_the_retries_are_spent_the_last_refusal_becomes_the_callers_error()
    {
        var attempts = 0;

        var error = Assert.Throws<TimeoutException>(() => Retry(maxRetries: 2).Execute<int>(() => throw new Refusal($"busy {++attempts}")));

        Assert.Equal(3, attempts);
        Assert.Equal("store stayed busy", error.Message);
        Assert.Equal("busy 3", Assert.IsType<Refusal>(error.InnerException).Message);
    }

    [Fact]
    public void With_no_retries_the_first_refusal_becomes_the_callers_error()
    {
        var attempts = 0;

        var error = Assert.Throws<TimeoutException>(() => Retry(maxRetries: 0).Execute<int>(() => throw new Refusal($"busy {++attempts}")));

        Assert.Equal(1, attempts);
        Assert.Equal("busy 1", error.InnerException?.Message);
    }

    [Fact]
    public void An_error_that_is_not_transient_is_neither_retried_nor_replaced()
    {
        var attempts = 0;

        var error = Assert.Throws<Refusal>(() => Retry(maxRetries: 3).Execute<int>(() => throw new Refusal($"disk full {++attempts}")));

        Assert.Equal("disk full 1", error.Message);
    }

    private static TransientRetry<Refusal> Retry(int maxRetries) =>
        new(maxRetries, error => error.Message.StartsWith("busy", StringComparison.Ordinal), error => new TimeoutException("store stayed busy", error));

    private sealed class Refusal(string message) : Exception(message);
}
