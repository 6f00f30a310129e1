using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TaxiDuration.Serving.Sources;

namespace TaxiDuration.Serving;

/// <summary>
/// Loads the model its <see cref="IModelSource"/> names while the host starts. A missing, corrupt or tampered file
/// stops start-up with a message naming the resolved path, so a bad deployment fails its rollout instead of
/// answering 500s later.
/// </summary>
internal sealed partial class ModelLoadingService(
    IModelSource source,
    ServedModelLoader loader,
    ServedModelHolder holder,
    ILogger<ModelLoadingService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ModelLocation? location = null;
        ServedModel model;
        try
        {
            location = source.Locate();
            model = loader.Load(location.Path, location.Version);
        }
        catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException or KeyNotFoundException or FormatException)
        {
            var what = location is null ? "the model could not be located" : $"the model file '{location.Path}' ({location.Description}) could not be loaded";
            throw new InvalidOperationException($"Cannot start the prediction service: {what}. {error.Message}", error);
        }

        holder.Publish(model);
        LogModelLoaded(logger, model.Version, location.Path, model.Metadata.Trainer);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving model {ModelVersion} from {ModelPath} (trainer {Trainer})")]
    private static partial void LogModelLoaded(ILogger logger, string modelVersion, string modelPath, string trainer);
}
