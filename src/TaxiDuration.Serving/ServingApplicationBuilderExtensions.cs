using Microsoft.AspNetCore.Builder;
using TaxiDuration.ServiceDefaults;

namespace TaxiDuration.Serving;

/// <summary>The prediction service's request pipeline on top of the service defaults.</summary>
public static class ServingApplicationBuilderExtensions
{
    /// <summary>The service defaults (metrics, errors as ProblemDetails, health, OpenAPI), the body size limit, and
    /// the prediction endpoints.</summary>
    public static WebApplication MapDurationPredictionService(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapServiceDefaults();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.MapDurationPredictionEndpoints();
        return app;
    }
}
