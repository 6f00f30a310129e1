# syntax=docker/dockerfile:1
# The serving image of one maturity level:  docker build --build-arg LEVEL=1 -t taxi-duration:level1 .
# Run level 1 (a model file):         docker run -p 8080:8080 -v "$PWD/models:/models:ro" taxi-duration:level1
# Run level 2 (the registry's champion, store mounted read-only; it never writes):
#   docker run -p 8080:8080 -v "$PWD/tracking:/tracking:ro" taxi-duration:level2
# Run level 3 (follows the champion without restarts; writes its prediction log to a volume it owns):
#   docker run -p 8080:8080 -v "$PWD/tracking:/tracking:ro" -v taxi-predictions:/predictions taxi-duration:level3
ARG LEVEL=1

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG LEVEL
WORKDIR /src
# Only what a host's publish reads: build policy (with the analyzer settings of .editorconfig, so the image
# compiles under exactly the rules CI enforced), pinned SDK and package versions, the libraries, the level.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY levels/Directory.Build.props levels/
COPY src/ src/
COPY levels/level${LEVEL}/ levels/level${LEVEL}/
# The same command the Cake build runs (linux-x64, framework-dependent), so the image holds exactly what CI tested
# and the natives of one platform only. levels/Directory.Build.props names the assembly TaxiDuration.LevelN.Api;
# the level-neutral name /app/service links to its apphost, which follows the link to its own dll.
RUN dotnet publish levels/level${LEVEL}/Api -c Release -r linux-x64 --self-contained false -o /app \
    && ln -s TaxiDuration.Level${LEVEL}.Api /app/service

# Debian/Ubuntu-based runtime, not -alpine: ML.NET's native libraries (FastTree, LightGBM) need glibc.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Each level reads the settings it knows: the model file (1), the store (2, 3), the prediction log (3).
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Model__Path=/models/model.zip \
    TAXI_TRACKING_DIR=/tracking \
    PredictionLog__Directory=/predictions
EXPOSE 8080
# The image's built-in unprivileged user (uid 1654); models and store are mounted read-only, and only level 3
# writes (its prediction log, on the /predictions volume, created here so a named volume inherits the owner).
RUN mkdir /predictions && chown $APP_UID /predictions
USER $APP_UID
# The aspnet image has no curl or wget; the service's own binary doubles as the probe (see LivenessProbe).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["/app/service", "--healthcheck"]
ENTRYPOINT ["/app/service"]
