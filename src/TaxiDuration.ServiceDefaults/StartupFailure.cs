namespace TaxiDuration.ServiceDefaults;

/// <summary>Turns a start-up exception into the one line an operator needs: every message down the chain, no stack.</summary>
internal static class StartupFailure
{
    public static string Describe(Exception failure)
    {
        var messages = new List<string>();
        for (var error = failure; error is not null; error = error.InnerException)
        {
            if (error is AggregateException aggregate && aggregate.InnerExceptions.Count == 1)
            {
                continue; // the wrapper's message repeats its single inner one
            }

            if (messages.Count == 0 || !messages[^1].Contains(error.Message, StringComparison.Ordinal))
            {
                messages.Add(error.Message.Trim());
            }
        }

        return string.Join(" ← ", messages);
    }
}
