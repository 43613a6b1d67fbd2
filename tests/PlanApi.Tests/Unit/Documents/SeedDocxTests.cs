using PlanApi.Documents;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>A .docx rendering of the seed, built here with real tables and merged cells, reads into the same plan.</summary>
public sealed class SeedDocxTests
{
    private static readonly byte[] Bytes = SeedDocx.Build();
    private static readonly PlanDocument Document = PlanDocumentReader.Read(new MemoryStream(Bytes), "KH-244-UBND.docx");

    [Fact]
    public void Is_read_as_a_word_document_by_its_content_whatever_its_name()
    {
        Assert.Equal(PlanDocumentFormat.Docx, PlanDocumentReader.DetectFormat(Bytes, "upload.bin"));
        Assert.Equal(PlanDocumentFormat.Docx, PlanDocumentReader.Read(new MemoryStream(Bytes), "upload.txt").Format);
    }

    [Fact]
    public void Reads_without_warnings() =>
        Assert.True(Document.Warnings.Count == 0, string.Join("\n", Document.Warnings));

    [Fact]
    public void Items_equal_the_seeded_items_field_by_field()
    {
        var differences = SeedPlanComparison.ItemDifferences(Document);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public void The_rest_of_the_plan_equals_the_seeded_plan()
    {
        var differences = SeedPlanComparison.DocumentDifferences(Document);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public void The_issuer_is_read_from_the_heading_table()
    {
        Assert.Equal("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", Document.Header.IssuerName);
        Assert.False(Document.Header.IssuerImplied);
    }

    [Fact]
    public void Locations_are_table_rows()
    {
        var task30 = Document.Items.Single(i => i.Ordinal == 30);
        Assert.NotNull(task30.Location.Table);
        Assert.NotNull(task30.Location.Row);
    }
}
