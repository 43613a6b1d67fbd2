using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using PlanApi.Cli;
using PlanApi.Common;
using PlanApi.Common.Security;
using PlanApi.Data;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddPlanDatabase(builder.Configuration);
builder.Services.AddMediator((MediatorOptions o) => o.ServiceLifetime = ServiceLifetime.Scoped);
builder.Services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
builder.Services.AddScoped(typeof(IPipelineBehavior<,>), typeof(PlanApi.Common.WriteLog.WriteLogBehavior<,>));
builder.Services.AddScoped<PlanApi.Common.WriteLog.ResourceSnapshots>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddConditionalGet();
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
builder.Services.AddPlanApiControllers();
builder.Services.AddPlanApiOpenApi();
builder.Services.AddPlanApiSecurity(builder.Configuration);
builder.Services.AddPlanApiHardening(builder.Configuration);
builder.Services.AddPlanApiIdempotency(builder.Configuration);

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
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription();
app.MapControllers();

await app.PrepareDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
