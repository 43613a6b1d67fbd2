using Microsoft.EntityFrameworkCore;
using PlanApi.Domain;

namespace PlanApi.Data;

public sealed class PlanDbContext : DbContext
{
    public PlanDbContext(DbContextOptions<PlanDbContext> options) : base(options)
    {
        // A write's transaction is rolled back whole when any of its statements fails (the request fails with it), so
        // a savepoint around each SaveChanges would only add two round trips and a subtransaction to every save.
        // Pooled contexts are reset to this after each request.
        Database.AutoSavepointsEnabled = false;
    }

    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<AgencySuccession> AgencySuccessions => Set<AgencySuccession>();
    public DbSet<AdministrativeUnit> AdministrativeUnits => Set<AdministrativeUnit>();
    public DbSet<AdministrativeUnitSuccession> AdministrativeUnitSuccessions => Set<AdministrativeUnitSuccession>();
    public DbSet<Grouping> Groupings => Set<Grouping>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanItem> PlanItems => Set<PlanItem>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    /// <summary>Kept by PostgreSQL from items and their coordinators; read-only here.</summary>
    public DbSet<PlanItemAgency> PlanItemAgencies => Set<PlanItemAgency>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ChangeRecord> ChangeRecords => Set<ChangeRecord>();

    /// <summary>
    /// Makes the save fail (412) unless the row still has the version the client read: two clients editing one
    /// resource never lose an update, even when both passed the If-Match check at the same moment.
    /// </summary>
    public void ExpectVersion<T>(T entity, uint? version) where T : class
    {
        if (version is not { } v) return;
        var entry = Entry(entity);
        entry.Property<uint>("Version").OriginalValue = v;
        // The save must reach the row for its version to be checked, even when none of the row's own columns change
        // (a PUT that only replaces an item's coordinators, or two writes within one tick of the clock).
        if (entry.Metadata.FindProperty("UpdatedAt") is not null) entry.Property("UpdatedAt").IsModified = true;
    }

    /// <summary>
    /// <c>change_feed_horizon()</c>: change-feed positions below it are final, no transaction still running can
    /// commit one (see <see cref="ChangeRecord"/>). For queries only.
    /// </summary>
    public static long ChangeFeedHorizon() => throw new NotSupportedException("Only for queries, translated to SQL.");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.HasDbFunction(typeof(PlanDbContext).GetMethod(nameof(ChangeFeedHorizon))!).HasName("change_feed_horizon");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlanDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<AgencyKind>().HaveConversion<SnakeCaseEnumConverter<AgencyKind>>().HaveMaxLength(32);
        configurationBuilder.Properties<GroupingKind>().HaveConversion<SnakeCaseEnumConverter<GroupingKind>>().HaveMaxLength(16);
        configurationBuilder.Properties<PlanLifecycle>().HaveConversion<SnakeCaseEnumConverter<PlanLifecycle>>().HaveMaxLength(16);
        configurationBuilder.Properties<ItemStatus>().HaveConversion<SnakeCaseEnumConverter<ItemStatus>>().HaveMaxLength(16);
        configurationBuilder.Properties<ClientRole>().HaveConversion<SnakeCaseEnumConverter<ClientRole>>().HaveMaxLength(16);
        configurationBuilder.Properties<CollectiveScope>().HaveConversion<SnakeCaseEnumConverter<CollectiveScope>>().HaveMaxLength(32);
        configurationBuilder.Properties<UnitLevel>().HaveConversion<SnakeCaseEnumConverter<UnitLevel>>().HaveMaxLength(16);
        configurationBuilder.Properties<SuccessionKind>().HaveConversion<SnakeCaseEnumConverter<SuccessionKind>>().HaveMaxLength(16);
        configurationBuilder.Properties<MonthPart>().HaveConversion<SnakeCaseEnumConverter<MonthPart>>().HaveMaxLength(8);
        configurationBuilder.Properties<DueKind>().HaveConversion<SnakeCaseEnumConverter<DueKind>>().HaveMaxLength(16);
        configurationBuilder.Properties<DueFrequency>().HaveConversion<SnakeCaseEnumConverter<DueFrequency>>().HaveMaxLength(16);
    }
}
