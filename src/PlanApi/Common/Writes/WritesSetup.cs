using Mediator;

namespace PlanApi.Common.Writes;

public static class WritesSetup
{
    /// <summary>The write path: the command transaction's owner, the write log, the resource declarations, idempotency.</summary>
    public static IServiceCollection AddPlanApiWrites(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(CommandTransactionBehavior<,>));
        services.AddScoped<WriteLog>();
        services.AddScoped<IdempotencyStore>();
        WritableResources.AddFrom(services, typeof(WritesSetup).Assembly);
        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdempotencyOptions>>().Value);
        services.AddHostedService<IdempotencyPurger>();
        return services;
    }
}
