using Mediator;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using FluentValidation;
using PlanApi.Common;
using PlanApi.Data;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddPlanDatabase(builder.Configuration);
builder.Services.AddMediator((MediatorOptions o) => o.ServiceLifetime = ServiceLifetime.Scoped);
builder.Services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
builder.Services.AddPlanApiControllers();
builder.Services.AddPlanApiOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSwagger(o => o.RouteTemplate = "openapi/{documentName}.json");
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "PlanApi v1");
    o.RoutePrefix = "swagger";
    o.DocumentTitle = "PlanApi — Swagger UI";
    o.DisplayRequestDuration();
});
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription();
app.MapControllers();

await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
