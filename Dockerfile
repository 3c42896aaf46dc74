# One image for every NotifyHub module; configuration picks the modules
# (NotifyHub__Modules__0=intake, ...). See docker-compose.yml.
#   docker build -t notifyhub .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Only what the Host needs: no tests or benchmarks.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY shared/ shared/
COPY services/ services/
# A developer's bin/obj (absolute paths, stale outputs) must not leak into the build.
RUN find . -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
RUN dotnet restore services/NotifyHub.Host/NotifyHub.Host.csproj
RUN dotnet publish services/NotifyHub.Host/NotifyHub.Host.csproj -c Release --no-restore \
      -o /app -p:UseAppHost=false
# The gateway (YARP) ships in the same image: `dotnet gateway/notifyhub-gateway.dll`.
RUN dotnet restore services/NotifyHub.Gateway/NotifyHub.Gateway.csproj \
 && dotnet publish services/NotifyHub.Gateway/NotifyHub.Gateway.csproj -c Release --no-restore \
      -o /app/gateway -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# Letters are PDFs that must render Japanese names: IPAex Gothic (TrueType, embedded as the subset of glyphs used)
# and Noto Sans CJK for the characters it lacks (see docs/decisions/0013).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-ipaexfont-gothic fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*
# Embedded files (local key ring, .eml and letter outboxes) live on a volume;
# created here so a fresh named volume is owned by the non-root app user.
RUN mkdir -p /data && chown "$APP_UID" /data
WORKDIR /app
COPY --from=build /app .
# appsettings.json binds 127.0.0.1 for laptops; a container must listen on all
# interfaces (an unprefixed variable outranks appsettings.json).
ENV Urls=http://+:8080 \
    NotifyHub__DataDirectory=/data \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
VOLUME /data
EXPOSE 8080
USER $APP_UID
# The Host's assembly is named `notifyhub` (it is also the CLI: `notifyhub users add ...`).
ENTRYPOINT ["dotnet", "notifyhub.dll"]
