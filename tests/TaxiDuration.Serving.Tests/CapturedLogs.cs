using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TaxiDuration.Serving.Tests;

/// <summary>One log entry as a provider receives it: its structured properties and those of the scopes around it.</summary>
internal sealed record CapturedLog(
    string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties, IReadOnlyDictionary<string, object?> Scopes)
{
    public string? Property(string name) => Properties.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    public string? Scope(string name) => Scopes.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
}

/// <summary>
/// A logger provider added to the host beside the console: it receives what the console does, after the host's own
/// level filters and with the scopes the host's activity tracking adds (TraceId, SpanId), as structured values.
/// </summary>
internal sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> entries = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Entries => [.. entries];

    /// <summary>The first entry matching <paramref name="match"/>, waiting for it: a request's line is written just after its answer.</summary>
    public async Task<CapturedLog> WaitForAsync(Func<CapturedLog, bool> match, string description)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (entries.FirstOrDefault(match) is { } entry)
            {
                return entry;
            }

            await Task.Delay(20);
        }

        throw new Xunit.Sdk.XunitException($"No log entry {description} within 10 s; logged:\n{string.Join('\n', entries.Select(entry => $"{entry.Category}: {entry.Message}"))}");
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopeValues = new Dictionary<string, object?>(StringComparer.Ordinal);
            owner.scopes.ForEachScope((scope, values) => AddPairs(scope, values), scopeValues);
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            AddPairs(state, properties);
            owner.entries.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), properties, scopeValues));
        }

        private static void AddPairs(object? state, Dictionary<string, object?> values)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    values[key] = value;
                }
            }
        }
    }
}
