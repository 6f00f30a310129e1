using Microsoft.Extensions.Logging;

namespace TaxiDuration.Data.Tests.Download;

/// <summary>Keeps the messages of the warnings logged to it.</summary>
internal sealed class WarningLog<T> : ILogger<T>
{
    private readonly List<string> messages = [];

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (messages)
            {
                return [.. messages];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel == LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (IsEnabled(logLevel))
        {
            lock (messages)
            {
                messages.Add(formatter(state, exception));
            }
        }
    }
}
