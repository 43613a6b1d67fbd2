using System.Text;
using System.Text.RegularExpressions;
using PlanApi.Documents;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>The seed written as Markdown (pipe tables, ** for bold, * for italics) reads into the same plan.</summary>
public sealed class SeedMarkdownTests
{
    private static readonly string Markdown = ToMarkdown(SeedFiles.SeedText);
    private static readonly PlanDocument Document = SeedFiles.ReadText(Markdown, "KH-244-UBND.md");

    [Fact]
    public void The_markdown_really_has_pipe_tables_and_no_tabs()
    {
        Assert.DoesNotContain('\t', Markdown);
        Assert.Contains("| **QUÝ II** |  |  |", Markdown);
        Assert.Contains("| --- | --- | --- |", Markdown);
        Assert.Equal(PlanDocumentFormat.Markdown, Document.Format);
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
    public void Escaped_pipes_stay_inside_their_cell()
    {
        var text = Markdown.Replace("Xuất bản quyển \"Người tốt việc tốt\" tập 18", "Xuất bản quyển \"Người tốt việc tốt\" tập 18 \\| tập 19");
        var item = SeedFiles.ReadText(text, "plan.md").Items.Single(i => i.Ordinal == 27);
        Assert.Equal("Xuất bản quyển \"Người tốt việc tốt\" tập 18 | tập 19", item.Content);
    }

    /// <summary>Tab rows to pipe rows (a separator under each header row), HTML bold and italics to Markdown.</summary>
    private static string ToMarkdown(string text)
    {
        var sb = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = Regex.Replace(Regex.Replace(raw.TrimEnd('\r'), "</?b>", "**"), "</?i>", "*");
            if (!line.Contains('\t')) { sb.Append(line).Append('\n'); continue; }
            var cells = line.Split('\t').Select(c => c.Trim()).ToList();
            sb.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
            if (cells[0].Replace("*", "") == "TT") sb.Append("| --- | --- | --- |\n");
        }
        return sb.ToString();
    }
}
