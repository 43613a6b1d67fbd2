using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanApi.Domain;

namespace PlanApi.Data;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.HasIndex(a => a.Code).IsUnique();
        b.Property(a => a.Code).HasMaxLength(Limits.Code);
        b.Property(a => a.Name).HasMaxLength(Limits.Name);
        b.Property(a => a.ShortName).HasMaxLength(Limits.Name);
        b.Property(a => a.SearchKey).HasColumnType("text");
        b.HasIndex(a => a.SearchKey).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.HasIndex(a => a.Kind);
        b.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Version).IsRowVersion();
        b.Property(a => a.JurisdictionCode).HasMaxLength(UnitCodeLength);
        b.Property(a => a.JurisdictionProvinceCode).HasMaxLength(UnitCodeLength);
        b.HasIndex(a => new { a.JurisdictionProvinceCode, a.JurisdictionCode });
        b.Property(a => a.IdentifierCode).HasMaxLength(Limits.IdentifierCode);
        b.HasIndex(a => a.IdentifierCode).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("ck_agencies_validity", "valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until"));
    }

    private const int UnitCodeLength = 8;
}

internal sealed class AgencySuccessionConfiguration : IEntityTypeConfiguration<AgencySuccession>
{
    public void Configure(EntityTypeBuilder<AgencySuccession> b)
    {
        b.ToTable("agency_successions", t => t.HasCheckConstraint("ck_agency_successions_not_self", "predecessor_id <> successor_id"));
        b.HasKey(s => new { s.PredecessorId, s.SuccessorId });
        b.HasIndex(s => s.SuccessorId);
        b.HasOne(s => s.Predecessor).WithMany(a => a.Successors).HasForeignKey(s => s.PredecessorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Successor).WithMany(a => a.Predecessors).HasForeignKey(s => s.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AdministrativeUnitConfiguration : IEntityTypeConfiguration<AdministrativeUnit>
{
    public void Configure(EntityTypeBuilder<AdministrativeUnit> b)
    {
        b.ToTable("administrative_units");
        // Ids are given by the bulk load (file order), so that parents are known before the rows are written.
        b.Property(u => u.Id).ValueGeneratedNever();
        b.Property(u => u.Code).HasMaxLength(8);
        b.Property(u => u.ProvinceCode).HasMaxLength(8);
        b.Property(u => u.Name).HasMaxLength(Limits.Name);
        b.Property(u => u.FullName).HasMaxLength(Limits.Name);
        b.Property(u => u.Type).HasMaxLength(32);
        b.Property(u => u.SearchKey).HasColumnType("text");
        b.HasIndex(u => new { u.Code, u.ValidFrom }).IsUnique().AreNullsDistinct(false);
        b.HasIndex(u => new { u.ProvinceCode, u.Level });
        b.HasIndex(u => u.ParentId);
        b.HasIndex(u => u.SearchKey).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AdministrativeUnitSuccessionConfiguration : IEntityTypeConfiguration<AdministrativeUnitSuccession>
{
    public void Configure(EntityTypeBuilder<AdministrativeUnitSuccession> b)
    {
        b.ToTable("administrative_unit_successions");
        b.HasKey(s => new { s.PredecessorId, s.SuccessorId });
        b.HasIndex(s => s.SuccessorId);
        b.HasOne(s => s.Predecessor).WithMany(u => u.Successors).HasForeignKey(s => s.PredecessorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Successor).WithMany(u => u.Predecessors).HasForeignKey(s => s.SuccessorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GroupingConfiguration : IEntityTypeConfiguration<Grouping>
{
    public void Configure(EntityTypeBuilder<Grouping> b)
    {
        b.HasIndex(g => g.Code).IsUnique();
        b.Property(g => g.Code).HasMaxLength(Limits.Code);
        b.Property(g => g.Name).HasMaxLength(Limits.Name);
        b.Property(g => g.Description).HasMaxLength(Limits.Text);
        b.HasIndex(g => new { g.Year, g.Kind });
        b.HasOne(g => g.HeadAgency).WithMany().HasForeignKey(g => g.HeadAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(g => g.DeputyAgency).WithMany().HasForeignKey(g => g.DeputyAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupingId).OnDelete(DeleteBehavior.Cascade);
        b.Property(g => g.Version).IsRowVersion();
    }
}

internal sealed class GroupingMemberConfiguration : IEntityTypeConfiguration<GroupingMember>
{
    public void Configure(EntityTypeBuilder<GroupingMember> b)
    {
        b.ToTable("grouping_members");
        b.HasKey(m => new { m.GroupingId, m.AgencyId });
        b.HasIndex(m => m.AgencyId);
        b.HasOne(m => m.Agency).WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.HasIndex(p => new { p.IssuerId, p.Number, p.IssuedYear }).IsUnique();
        b.HasIndex(p => new { p.Year, p.Lifecycle });
        b.HasIndex(p => p.SearchKey).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.Property(p => p.Number).HasMaxLength(Limits.Number);
        b.Property(p => p.DocumentType).HasMaxLength(16);
        b.Property(p => p.Place).HasMaxLength(Limits.Name);
        b.Property(p => p.Title).HasMaxLength(Limits.Name);
        b.Property(p => p.Preamble).HasMaxLength(Limits.Text);
        b.Property(p => p.SearchKey).HasColumnType("text");
        b.HasOne(p => p.Issuer).WithMany().HasForeignKey(p => p.IssuerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Items).WithOne(i => i.Plan).HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        Json(b.Property(p => p.LegalBases));
        Json(b.Property(p => p.Purposes));
        Json(b.Property(p => p.Requirements));
        Json(b.Property(p => p.Duties));
        b.Property(p => p.Signature).HasConversion(JsonColumn.NullableConverter<Signature>()).HasColumnType("jsonb");
        b.Property(p => p.Version).IsRowVersion();
    }

    private static void Json<T>(PropertyBuilder<List<T>> property) =>
        property.HasConversion(JsonColumn.Converter<List<T>>(), JsonColumn.Comparer<List<T>>()).HasColumnType("jsonb");
}

internal sealed class PlanItemConfiguration : IEntityTypeConfiguration<PlanItem>
{
    public void Configure(EntityTypeBuilder<PlanItem> b)
    {
        b.HasIndex(i => new { i.PlanId, i.Ordinal }).IsUnique();
        b.HasIndex(i => new { i.PlanId, i.Quarter });
        b.HasIndex(i => new { i.PlanId, i.Status });
        b.HasIndex(i => new { i.PlanId, i.DueEnd });
        b.HasIndex(i => i.LeadAgencyId);
        b.HasIndex(i => i.SearchKey).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.Property(i => i.Content).HasMaxLength(Limits.Text);
        b.Property(i => i.LeadRole).HasMaxLength(Limits.Name);
        b.Property(i => i.ExecutingUnitsText).HasMaxLength(Limits.Text);
        b.Property(i => i.DueText).HasMaxLength(Limits.Name);
        b.Property(i => i.Label).HasMaxLength(Limits.Label);
        b.Property(i => i.GroupLabel).HasMaxLength(Limits.Label);
        b.Property(i => i.GroupTitle).HasMaxLength(Limits.Name);
        b.Property(i => i.SearchKey).HasColumnType("text");
        b.HasOne(i => i.LeadAgency).WithMany().HasForeignKey(i => i.LeadAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Coordinators).WithOne().HasForeignKey(c => c.PlanItemId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(i => i.Due);
        // Never null (an item never overdue has the empty multirange), and no default: a writer that leaves it out fails
        // rather than making its items never overdue.
        b.Property(i => i.OverdueDays).HasColumnType("datemultirange");
        b.ToTable(t => t.HasCheckConstraint("ck_plan_items_quarter", "quarter BETWEEN 1 AND 4"));
        b.Property(i => i.Version).IsRowVersion();
    }
}

internal sealed class PlanItemCoordinatorConfiguration : IEntityTypeConfiguration<PlanItemCoordinator>
{
    public void Configure(EntityTypeBuilder<PlanItemCoordinator> b)
    {
        b.ToTable("plan_item_coordinators");
        b.HasKey(c => new { c.PlanItemId, c.AgencyId });
        b.HasIndex(c => c.AgencyId);
        b.HasOne(c => c.Agency).WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanItemAgencyConfiguration : IEntityTypeConfiguration<PlanItemAgency>
{
    public void Configure(EntityTypeBuilder<PlanItemAgency> b)
    {
        b.ToTable("plan_item_agencies");
        b.HasKey(x => new { x.AgencyId, x.PlanItemId });
        // An agency's to-do list in page order, published and closed plans first in the key so that the public list
        // and its total are read from the index alone.
        b.HasIndex(x => new { x.AgencyId, x.PlanIsDraft, x.DueEnd, x.PlanId, x.Ordinal }).IncludeProperties(x => new { x.PlanItemId, x.Leads })
            .HasDatabaseName("ix_plan_item_agencies_agency_list");
        b.HasIndex(x => x.PlanItemId);
        b.HasOne(x => x.Item).WithMany().HasForeignKey(x => x.PlanItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> b)
    {
        b.HasIndex(r => new { r.PlanItemId, r.ReportedAt });
        b.HasIndex(r => r.ReportingAgencyId);
        b.Property(r => r.Summary).HasMaxLength(Limits.Text);
        b.Property(r => r.EvidenceDocumentNumber).HasMaxLength(Limits.Number);
        b.Property(r => r.EvidenceUrl).HasMaxLength(Limits.Url);
        b.HasOne(r => r.PlanItem).WithMany().HasForeignKey(r => r.PlanItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.ReportingAgency).WithMany().HasForeignKey(r => r.ReportingAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.OnBehalfOfAgency).WithMany().HasForeignKey(r => r.OnBehalfOfAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("ck_progress_reports_percent", "percent_complete BETWEEN 0 AND 100"));
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.HasIndex(k => k.KeyHash).IsUnique();
        b.Property(k => k.KeyHash).HasMaxLength(64);
        b.Property(k => k.KeyStart).HasMaxLength(16);
        b.Property(k => k.ClientName).HasMaxLength(Limits.Name);
        b.HasOne(k => k.Agency).WithMany().HasForeignKey(k => k.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("ck_api_keys_reporter_agency", "(role = 'reporter') = (agency_id IS NOT NULL)"));
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.HasKey(r => new { r.Scope, r.Key });
        b.Property(r => r.Scope).HasMaxLength(Limits.Name);
        b.Property(r => r.Key).HasMaxLength(Limits.IdempotencyKey);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.HasIndex(r => r.CreatedAt);
        // References audit_entries by a foreign key the migration adds NOT VALID and without an index (audit entries
        // are never deleted, so nothing looks it up from that side): no scan or index build on a large store, and
        // no index to keep per write. The model leaves it out, or it would want the index.
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasIndex(a => a.OccurredAt);
        b.HasIndex(a => new { a.ResourceType, a.ResourceKey, a.OccurredAt });
        b.HasIndex(a => new { a.ClientId, a.OccurredAt });
        b.Property(a => a.ClientId).HasMaxLength(Limits.Name);
        b.Property(a => a.ClientName).HasMaxLength(Limits.Name);
        b.Property(a => a.AgencyCode).HasMaxLength(Limits.Code);
        b.Property(a => a.Action).HasMaxLength(16);
        b.Property(a => a.ResourceType).HasMaxLength(32);
        b.Property(a => a.ResourceKey).HasMaxLength(Limits.Name);
        b.Property(a => a.Before).HasColumnType("jsonb");
        b.Property(a => a.After).HasColumnType("jsonb");
        b.Property(a => a.TraceId).HasMaxLength(100);
    }
}

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> b)
    {
        b.ToTable("change_records");
        b.HasKey(c => c.Sequence);
        // Assigned by the trigger of migration ChangeFeedPositions (see ChangeRecord), read back with RETURNING.
        b.Property(c => c.Sequence).ValueGeneratedOnAdd()
            .Metadata.SetValueGenerationStrategy(Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.None);
        b.Property(c => c.Action).HasMaxLength(16);
        b.Property(c => c.ResourceType).HasMaxLength(32);
        b.Property(c => c.ResourceKey).HasMaxLength(Limits.Name);
        b.Property(c => c.Version).HasMaxLength(64);
        b.Property(c => c.Link).HasMaxLength(Limits.Url);
    }
}
