using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TaxiDuration.Serving.Rollout;

/// <summary><c>GET /model</c> (what is served) and, when an API key is configured, <c>POST /admin/reload</c>.</summary>
public static class RolloutEndpoints
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static IEndpointRouteBuilder MapRolloutEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/model", Status).WithName("ServedModels").WithTags("Rollout")
            .WithSummary("The served model versions per variant, their weights and load times, the shadow, and the last reload error.");
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<RolloutOptions>>().Value.AdminApiKey is { Length: > 0 })
        {
            endpoints.MapPost("/admin/reload", ReloadAsync).WithName("Reload").WithTags("Rollout")
                .WithSummary("Reads the registry now and serves what its aliases name (X-Api-Key required).");
        }

        return endpoints;
    }

    /// <summary>The current status.</summary>
    public static Ok<ModelStatus> Status(IServedModelProvider models, RolloutState state)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(state);
        var set = models.Current;
        return TypedResults.Ok(new ModelStatus(
            set?.Variants.Select(Describe).ToArray() ?? [],
            set?.Shadow is { } shadow ? Describe(shadow) : null,
            state.LastPollAt,
            state.LastFailure,
            state.Unserved));
    }

    private static async Task<Results<Ok<ModelStatus>, ProblemHttpResult>> ReloadAsync(
        HttpContext context, RegistryRolloutService rollout, IServedModelProvider models, RolloutState state, IOptions<RolloutOptions> options)
    {
        var expected = Encoding.UTF8.GetBytes(options.Value.AdminApiKey!);
        var given = Encoding.UTF8.GetBytes(context.Request.Headers[ApiKeyHeader].ToString());
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid API key is required.",
                detail: $"Send the configured key (Rollout:AdminApiKey) in the {ApiKeyHeader} header.");
        }

        await rollout.ReloadNowAsync(context.RequestAborted);
        return TypedResults.Ok(Status(models, state).Value!);
    }

    private static VariantStatus Describe(ServedVariant variant) =>
        new(variant.Name, variant.Model.Version, variant.Weight, variant.LoadedAt, variant.Model.Metadata.Trainer,
            variant.Model.UsesCompiledTrees ? "compiled-trees" : "ml.net");
}
