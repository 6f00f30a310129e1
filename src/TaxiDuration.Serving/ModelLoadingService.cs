using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TaxiDuration.Serving.Sources;

namespace TaxiDuration.Serving;

/// <summary>
/// Loads the model its <see cref="IModelSource"/> names while the host starts. A missing, corrupt or tampered file
/// stops start-up with a message naming the source and the file, so a bad deployment fails its rollout instead of
/// answering 500s later.
/// </summary>
internal sealed partial class ModelLoadingService(
    IModelSource source,
    ServedModelLoader loader,
    ServedModelSetHolder holder,
    TimeProvider clock,
    ILogger<ModelLoadingService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ServedModel model;
        string description;
        try
        {
            (model, description) = loader.Load();
        }
        catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException or KeyNotFoundException or FormatException)
        {
            throw new InvalidOperationException($"Cannot start the prediction service: the model from {source.Describe()} could not be loaded. {error.Message}", error);
        }

        holder.Publish(ServedModelSet.Single(model, clock.GetUtcNow()));
        LogModelLoaded(logger, model.Version, description, model.Metadata.Trainer);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving model {ModelVersion} from {ModelSource} (trainer {Trainer})")]
    private static partial void LogModelLoaded(ILogger logger, string modelVersion, string modelSource, string trainer);
}
