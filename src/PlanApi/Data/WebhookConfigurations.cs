using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanApi.Domain;

namespace PlanApi.Data;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.ToTable("webhook_subscriptions");
        b.Property(s => s.Url).HasMaxLength(Limits.Url);
        b.Property(s => s.Description).HasMaxLength(Limits.Name);
        b.Property(s => s.Secret).HasMaxLength(128);
        b.Property(s => s.PreviousSecret).HasMaxLength(128);
        b.Property(s => s.LastError).HasMaxLength(Limits.Name);
        b.Property(s => s.State).HasConversion<SnakeCaseEnumConverter<WebhookState>>().HasMaxLength(16);
        b.Property(s => s.Version).IsRowVersion();
        b.HasOne(s => s.Agency).WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agency>().WithMany().HasForeignKey(s => s.OwnerAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Plan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        // The dispatcher's claim: active subscriptions whose next attempt is due.
        b.HasIndex(s => new { s.State, s.NextAttemptAt });
        b.HasIndex(s => s.OwnerAgencyId);
    }
}

internal sealed class WebhookMessageConfiguration : IEntityTypeConfiguration<WebhookMessage>
{
    public void Configure(EntityTypeBuilder<WebhookMessage> b)
    {
        b.ToTable("webhook_messages");
        b.HasKey(m => m.Position);
        b.Property(m => m.Position).UseIdentityAlwaysColumn();
        b.Property(m => m.EventId).HasMaxLength(64);
        b.Property(m => m.EventType).HasMaxLength(32);
        b.Property(m => m.Body).HasColumnType("text");
        b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(m => m.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        // The head of a subscription's queue; a redelivery finds its event by id.
        b.HasIndex(m => new { m.SubscriptionId, m.Position }).HasFilter("delivered_at IS NULL");
        b.HasIndex(m => new { m.SubscriptionId, m.EventId });
    }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> b)
    {
        b.ToTable("webhook_attempts");
        b.Property(a => a.Id).UseIdentityAlwaysColumn();
        b.Property(a => a.EventId).HasMaxLength(64);
        b.Property(a => a.EventType).HasMaxLength(32);
        b.Property(a => a.Error).HasMaxLength(Limits.Name);
        b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(a => a.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.SubscriptionId, a.Id });
    }
}

internal sealed class WebhookReminderConfiguration : IEntityTypeConfiguration<WebhookReminder>
{
    public void Configure(EntityTypeBuilder<WebhookReminder> b)
    {
        b.ToTable("webhook_reminders");
        b.HasKey(r => new { r.SubscriptionId, r.PlanItemId, r.Due, r.Kind });
        b.Property(r => r.Kind).HasMaxLength(32);
        b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(r => r.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PlanItem>().WithMany().HasForeignKey(r => r.PlanItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
