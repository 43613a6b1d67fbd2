using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using PlanApi.Cli;
using PlanApi.Common;
using PlanApi.Common.Observability;
using PlanApi.Common.Security;
using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Features.Agencies;
using PlanApi.Features.Changes;
using PlanApi.Features.Exports;
using PlanApi.Features.Items;
using PlanApi.Features.ProgressSheets;
using PlanApi.Features.Webhooks;

// The container's health check: one request to the running API, before any host is built.
if (HealthProbe.IsCommand(args)) return await HealthProbe.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);

builder.AddPlanApiObservability();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddPlanDatabase(builder.Configuration);
builder.Services.AddMediator((MediatorOptions o) => o.ServiceLifetime = ServiceLifetime.Scoped);
builder.Services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
builder.Services.AddPlanApiWrites(builder.Configuration);
builder.Services.AddHttpContextAccessor();
builder.Services.AddConditionalGet();
builder.Services.AddItemViews();
builder.Services.AddAgencyDirectory();
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
builder.Services.AddPlanApiControllers();
builder.Services.AddPlanApiOpenApi();
builder.Services.AddPlanApiExports();
builder.Services.AddPlanApiProgressSheets();
builder.Services.AddPlanApiChangesCursor();
builder.Services.AddPlanApiSecurity(builder.Configuration);
builder.Services.AddPlanApiHardening(builder.Configuration);
builder.Services.AddPlanApiWebhooks();

var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    await app.PrepareDatabaseAsync();
    return await CommandLine.RunAsync(app, args);
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UsePlanApiHardening();
app.UseCors(Hardening.CorsPolicy);
app.UseAuthentication();
app.UseRateLimiter();
app.UseRefusedCredentials();
app.UseAuthorization();
app.UseConditionalGet();
app.UseMiddleware<IdempotencyMiddleware>();
app.UseSwagger(o => o.RouteTemplate = "openapi/{documentName}.json");
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "PlanApi v1");
    o.RoutePrefix = "swagger";
    o.DocumentTitle = "PlanApi — Swagger UI";
    o.DisplayRequestDuration();
    o.EnablePersistAuthorization();
});
app.MapPlanApiMetrics();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription();
app.MapControllers();

await app.PrepareDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
