using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace TaxiDuration.ServiceDefaults;

/// <summary>
/// The route a request asked for when routing refused its content type (415): the refusal is answered by an endpoint
/// routing makes up, with no route pattern, and counting it as "unmatched" would put a client posting text/plain to
/// /predict beside scanners probing random paths. The route is the one whose path and method match; a wrong method
/// (405) matches none and stays "unmatched", which keeps clients inventing methods from multiplying the series.
/// Only refusals pay for the few template matches.
/// </summary>
internal sealed class RejectedRequestRoutes(EndpointDataSource endpoints)
{
    private IReadOnlyList<Route>? routes;

    /// <summary>The raw pattern of the first route taking <paramref name="method"/> on <paramref name="path"/>, or null.</summary>
    public string? Find(string method, PathString path)
    {
        // Built on first use: every endpoint is mapped by the time a request is refused. A race builds it twice, harmlessly.
        routes ??= [.. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText is not null)
            .OrderBy(endpoint => endpoint.Order)
            .Select(endpoint => new Route(
                new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), new RouteValueDictionary()),
                endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods,
                endpoint.RoutePattern.RawText!))];
        foreach (var route in routes)
        {
            if ((route.Methods is null || route.Methods.Contains(method, StringComparer.OrdinalIgnoreCase)) && route.Matcher.TryMatch(path, new RouteValueDictionary()))
            {
                return route.Pattern;
            }
        }

        return null;
    }

    private sealed record Route(TemplateMatcher Matcher, IReadOnlyList<string>? Methods, string Pattern);
}
