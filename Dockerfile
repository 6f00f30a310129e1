# syntax=docker/dockerfile:1
# The serving image of one maturity level:  docker build --build-arg LEVEL=1 -t taxi-duration:level1 .
# Run level 1 (a model file):         docker run -p 8080:8080 -v "$PWD/models:/models:ro" taxi-duration:level1
# Run level 2 (the registry's champion, store mounted read-only; it never writes):
#   docker run -p 8080:8080 -v "$PWD/tracking:/tracking:ro" taxi-duration:level2
# Run level 3 (follows the champion without restarts; writes its prediction log to a volume it owns):
#   docker run -p 8080:8080 -v "$PWD/tracking:/tracking:ro" -v taxi-predictions:/predictions taxi-duration:level3
#   Level 2 and 3 read the store (TAXI_TRACKING_DIR=/tracking, or Tracking__Postgres / TAXI_TRACKING_POSTGRES for the
#   PostgreSQL backend, with its artifact folder still mounted at /tracking/artifacts).
# Labels (OCI): the Cake Release target and the level-3 CD workflow pass VERSION, REVISION and SOURCE.
ARG LEVEL=1
# The base images by tag; a build that must be reproducible pins them by digest without editing this file
# (--build-arg RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra@sha256:…), and Dependabot's
# docker updates (.github/dependabot.yml) keep the tags current.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
# Chiseled: no shell, no package manager, only what .NET needs. Every level's publish was checked for natives: level 1
# carries none, levels 2-3 only SQLite's libe_sqlite3.so (libc alone), and ML.NET scores in managed code. "-extra"
# for the time-zone database (trip times are New York's).
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra

FROM ${SDK_IMAGE} AS build
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
# NuGet packages live in a BuildKit cache mount: a rebuild after a code change restores from it, not the network.
# /predictions is made here because the chiseled runtime has no shell to make it. The OpenAPI document the build
# writes (obj/, checked by CI) is not part of the image, so the image build does not generate it.
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish levels/level${LEVEL}/Api -c Release -r linux-x64 --self-contained false -o /app -p:OpenApiGenerateDocuments=false \
    && ln -s TaxiDuration.Level${LEVEL}.Api /app/service \
    && mkdir /predictions

FROM ${RUNTIME_IMAGE} AS runtime
ARG LEVEL
ARG VERSION=dev
ARG REVISION=unknown
ARG SOURCE=https://github.com/OWNER/REPO
LABEL org.opencontainers.image.title="taxi-duration level ${LEVEL} service" \
      org.opencontainers.image.description="NYC taxi trip-duration prediction, MLOps maturity level ${LEVEL}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="MIT"
WORKDIR /app
COPY --from=build /app ./
# Each level reads the settings it knows: the model file (1), the store (2, 3), the prediction log (3).
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Model__Path=/models/model.zip \
    TAXI_TRACKING_DIR=/tracking \
    PredictionLog__Directory=/predictions
EXPOSE 8080
# The image's built-in unprivileged user (APP_UID, 1654); models and store are mounted read-only, and only level 3
# writes (its prediction log, on the /predictions volume, owned by that user so a named volume inherits the owner).
COPY --from=build --chown=1654:1654 /predictions /predictions
USER $APP_UID
# The aspnet image has no curl or wget; the service's own binary doubles as the probe (see LivenessProbe).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["/app/service", "--healthcheck"]
ENTRYPOINT ["/app/service"]
