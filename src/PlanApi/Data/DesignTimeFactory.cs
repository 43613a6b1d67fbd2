using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PlanApi.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without a running database.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PlanDbContext>
{
    public PlanDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PlanDbContext>()
            .UsePlanDatabase(Environment.GetEnvironmentVariable("ConnectionStrings__PlanDb") ?? "Host=localhost;Database=planapi")
            .Options);
}
