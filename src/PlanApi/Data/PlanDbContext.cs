using Microsoft.EntityFrameworkCore;
using PlanApi.Domain;

namespace PlanApi.Data;

public sealed class PlanDbContext(DbContextOptions<PlanDbContext> options) : DbContext(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Grouping> Groupings => Set<Grouping>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanItem> PlanItems => Set<PlanItem>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlanDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<AgencyKind>().HaveConversion<SnakeCaseEnumConverter<AgencyKind>>().HaveMaxLength(32);
        configurationBuilder.Properties<GroupingKind>().HaveConversion<SnakeCaseEnumConverter<GroupingKind>>().HaveMaxLength(16);
        configurationBuilder.Properties<PlanLifecycle>().HaveConversion<SnakeCaseEnumConverter<PlanLifecycle>>().HaveMaxLength(16);
        configurationBuilder.Properties<ItemStatus>().HaveConversion<SnakeCaseEnumConverter<ItemStatus>>().HaveMaxLength(16);
        configurationBuilder.Properties<ClientRole>().HaveConversion<SnakeCaseEnumConverter<ClientRole>>().HaveMaxLength(16);
        configurationBuilder.Properties<MonthPart>().HaveConversion<SnakeCaseEnumConverter<MonthPart>>().HaveMaxLength(8);
    }
}
