using PlanApi.Documents;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>The seed document, as committed, reads into exactly the seeded plan.</summary>
public sealed class SeedTextTests
{
    private static readonly PlanDocument Document = SeedFiles.ReadText(SeedFiles.SeedText, "KH-244-UBND-CanTho-2023.txt");

    [Fact]
    public void Reads_the_seed_without_warnings() =>
        Assert.True(Document.Warnings.Count == 0, string.Join("\n", Document.Warnings));

    [Fact]
    public void Items_equal_the_seeded_items_field_by_field()
    {
        var differences = SeedPlanComparison.ItemDifferences(Document);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public void Header_legal_bases_points_duties_recipients_and_signature_equal_the_seeded_plan()
    {
        var differences = SeedPlanComparison.DocumentDifferences(Document);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public void Has_32_items_and_18_due_periods()
    {
        Assert.Equal(Enumerable.Range(1, 32), Document.Items.Select(i => i.Ordinal));
        Assert.Equal(18, Document.Items.Count(i => i.Due is not null));
    }

    [Fact]
    public void Task_30_is_joined_across_the_page_break()
    {
        var task = Document.Items.Single(i => i.Ordinal == 30);
        Assert.EndsWith("ngày 08 tháng 8 năm 2018 của Ủy ban nhân dân thành phố Cần Thơ", task.Content);
        Assert.Equal(4, task.Quarter);
    }

    [Fact]
    public void The_issuer_is_implied_by_the_symbol_and_the_place()
    {
        Assert.True(Document.Header.IssuerImplied);
        Assert.Equal("UBND", Document.Header.IssuerSymbol);
        Assert.Equal("ubnd-can-tho", SeedFiles.Agencies.Resolve(Document.Header.IssuerName));
    }

    [Fact]
    public void Every_agency_name_in_the_seed_resolves() =>
        Assert.Empty(SeedFiles.Agencies.Unmatched(Document));
}
