using PlanApi.Documents;
using PlanApi.Data;
using PlanApi.Features.Import;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>Plans grouped by subject (I / B rows) whose numbering restarts in each group, and their quarters.</summary>
public sealed class ItemGroupTests
{
    public static TheoryData<string> Forms => new() { "text", "markdown" };

    private static PlanDocument Read(string form) => form switch
    {
        "markdown" => SeedFiles.ReadText(GroupedPlan.Markdown(), "plan.md"),
        _ => SeedFiles.ReadText(GroupedPlan.Text()),
    };

    /// <summary>Every field of every item, as the document prints it.</summary>
    internal static void AssertGroupedItems(PlanDocument document)
    {
        var first = new ItemGroup("I", "Công tác tổ chức phong trào thi đua");
        var second = new ItemGroup("B", "CÔNG TÁC KHEN THƯỞNG");
        var items = document.Items;
        Assert.Equal([1, 2, 3, 4, 5, 6], items.Select(i => i.Ordinal));
        Assert.Equal(["I.1", "I.2", "I.3", "B.1", "B.2", "B.3"], items.Select(i => i.Label));
        Assert.Equal(["1", "2", "3", "1", "2", "3"], items.Select(i => i.OrdinalText));
        Assert.Equal([first, first, first, second, second, second], items.Select(i => i.Group));
        Assert.All(items, i => Assert.Null(i.Quarter));
        var tasks = GroupedPlan.Rows.OfType<GroupedPlan.Task>().ToList();
        Assert.Equal(tasks.Select(t => t.Content), items.Select(i => i.Content));
        Assert.Equal(tasks.Select(t => t.Due), items.Select(i => i.Due?.Text));
        Assert.Equal(["Sở Nội vụ", "Ban TĐKT tỉnh", "Ban TĐKT tỉnh", "Ban TĐKT tỉnh", "Sở Giáo dục và Đào tạo", "Ban TĐKT tỉnh"],
            items.Select(i => i.LeadName));
        Assert.Equal([["Ban Thi đua - Khen thưởng tỉnh"], ["Sở Tài chính"], [], ["Sở Tài chính"], ["Ban TĐKT tỉnh"], []],
            items.Select(i => i.CoordinatorNames.ToArray()));
        Assert.Equal([false, true, false, false, false, false], items.Select(i => i.AndRelatedAgencies));
        Assert.Equal([DueKind.Month, DueKind.Quarter, DueKind.Month, DueKind.MonthPart, DueKind.Month, DueKind.Ongoing],
            items.Select(i => i.Due!.Kind));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Numbering_that_restarts_in_each_group_keeps_its_printed_labels_and_unique_ordinals(string form)
    {
        var document = Read(form);
        AssertGroupedItems(document);
        Assert.Empty(document.Warnings);
    }

    [Fact]
    public void Without_quarter_rows_the_import_says_so_once_and_takes_each_quarter_from_the_deadline()
    {
        var (plan, warnings) = PlanImporter.Map(Read("text"), name => name);
        Assert.Equal([1, 1, 3, 1, 3, 4], plan.Items.Select(i => i.Quarter));
        Assert.Single(warnings, w => w.Message.Contains("no quarter rows"));
        Assert.DoesNotContain(warnings, w => w.Message.Contains("no quarter row above"));
        Assert.Equal(["I.1", "I.2", "I.3", "B.1", "B.2", "B.3"], plan.Items.Select(i => i.Label));
        Assert.Equal(new SeedItemGroup("B", "CÔNG TÁC KHEN THƯỞNG"), plan.Items[3].Group);
    }

    [Fact]
    public void Quarter_rows_stay_quarters_inside_groups_and_groups_inside_quarters()
    {
        var groupsOuter = SeedFiles.ReadText(string.Join('\n',
            "Số: 3/KH-UBND", "KẾ HOẠCH", "Thi đua năm 2024", "",
            "TT\tNội dung\tĐơn vị thực hiện",
            "I\tCÔNG TÁC THI ĐUA\t", "\tQUÝ I\t", "1\tPhát động thi đua\tSở Nội vụ chủ trì", "\tQUÝ III\t", "2\tSơ kết thi đua\tSở Nội vụ chủ trì",
            "II\tCÔNG TÁC KHEN THƯỞNG\t", "\tQUÝ II\t", "1\tKhen thưởng chuyên đề\tSở Nội vụ chủ trì", ""));
        Assert.Equal([1, 3, 2], groupsOuter.Items.Select(i => i.Quarter));
        Assert.Equal(["I", "I", "II"], groupsOuter.Items.Select(i => i.Group?.Label));
        Assert.Equal(["I.1", "I.2", "II.1"], groupsOuter.Items.Select(i => i.Label));

        var quartersOuter = SeedFiles.ReadText(string.Join('\n',
            "Số: 4/KH-UBND", "KẾ HOẠCH", "Thi đua năm 2024", "",
            "TT\tNội dung\tĐơn vị thực hiện",
            "\tQUÝ I\t", "A\tCông tác thi đua\t", "1\tPhát động thi đua\tSở Nội vụ chủ trì", "B\tCông tác khen thưởng\t", "2\tKhen thưởng tổng kết\tSở Nội vụ chủ trì",
            "\tQUÝ II\t", "3\tTuyên truyền điển hình\tSở Nội vụ chủ trì", "B\tCông tác khen thưởng\t", "4\tKhen thưởng chuyên đề\tSở Nội vụ chủ trì", ""));
        Assert.Equal([1, 1, 2, 2], quartersOuter.Items.Select(i => i.Quarter));
        Assert.Equal(["A", "B", null, "B"], quartersOuter.Items.Select(i => i.Group?.Label));
        Assert.Equal(["1", "2", "3", "4"], quartersOuter.Items.Select(i => i.Label));
        Assert.Empty(quartersOuter.Warnings);
    }

    [Fact]
    public void A_number_written_twice_in_one_group_is_pointed_at_where_it_repeats()
    {
        var document = SeedFiles.ReadText(string.Join('\n',
            "Số: 5/KH-UBND", "KẾ HOẠCH", "Thi đua năm 2024", "",
            "TT\tNội dung\tĐơn vị thực hiện",
            "1\tPhát động thi đua\tSở Nội vụ chủ trì", "2\tSơ kết thi đua\tSở Nội vụ chủ trì", "2\tTổng kết thi đua\tSở Nội vụ chủ trì", ""));
        Assert.Equal([1, 2, 3], document.Items.Select(i => i.Ordinal));
        var warning = Assert.Single(document.Warnings);
        Assert.Equal(DocumentLocation.AtLine(8), warning.Location);
        Assert.Contains("task number 2 is written twice: first at line 7", warning.Message);
    }
}
