using System.Net;
using System.Text.Json;

namespace TaxiDuration.Serving.Tests;

/// <summary>Checks an error response is an RFC 7807 ProblemDetails with the expected status (never a 5xx).</summary>
internal static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True((int)response.StatusCode < 500, $"A client mistake produced a server error {(int)response.StatusCode}.");
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>The problem names <paramref name="field"/> among its errors (the field as the client spelled it).</summary>
    public static async Task NamesFieldAsync(HttpResponseMessage response, HttpStatusCode expected, string field)
    {
        var problem = await IsProblemAsync(response, expected);
        Assert.True(problem.TryGetProperty("errors", out var errors), $"No 'errors' in problem: {problem}");
        var fields = errors.EnumerateObject().Select(property => property.Name).ToList();
        Assert.Contains(field, fields);
    }
}
