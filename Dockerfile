# PlanApi container image: build with the SDK, run on the ASP.NET runtime.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY src/PlanApi/PlanApi.csproj src/PlanApi/
COPY src/PlanApi.Documents/PlanApi.Documents.csproj src/PlanApi.Documents/
RUN dotnet restore src/PlanApi/PlanApi.csproj
COPY src/ src/
# The functions and triggers the migrations apply, embedded in the assembly.
COPY db/ db/
RUN dotnet publish src/PlanApi/PlanApi.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
COPY seeds/ ./seeds/
ENV ASPNETCORE_URLS=http://+:8080 \
    Database__SeedPath=/app/seeds
EXPOSE 8080
USER app
# The runtime image has no curl or wget: the app checks itself (`--healthcheck` asks /health/live on the address in
# ASPNETCORE_URLS and exits 0 or 1). Liveness, not readiness, so that an orchestrator that replaces unhealthy
# containers does not restart the API while only its database is away; compose waits on readiness instead.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["dotnet", "/app/PlanApi.dll", "--healthcheck", "live"]
ENTRYPOINT ["dotnet", "PlanApi.dll"]
