using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TaxiDuration.Serving;

/// <summary>
/// Loads the configured model while the host starts. A missing or corrupt file stops start-up with a message
/// naming the resolved path, so a bad deployment fails its rollout instead of answering 500s later.
/// </summary>
internal sealed partial class ModelLoadingService(
    IOptions<ModelOptions> options,
    IHostEnvironment environment,
    ServedModelLoader loader,
    ServedModelHolder holder,
    ILogger<ModelLoadingService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(options.Value.Path, environment.ContentRootPath);
        ServedModel model;
        try
        {
            model = loader.Load(path);
        }
        catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Cannot start the prediction service: the model file '{path}' (Model:Path = '{options.Value.Path}') could not be loaded. {error.Message}",
                error);
        }

        holder.Publish(model);
        LogModelLoaded(logger, model.Version, path, model.Metadata.Trainer);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving model {ModelVersion} from {ModelPath} (trainer {Trainer})")]
    private static partial void LogModelLoaded(ILogger logger, string modelVersion, string modelPath, string trainer);
}
