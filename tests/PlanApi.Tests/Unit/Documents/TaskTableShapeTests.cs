using PlanApi.Documents;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>Task tables as other plans draw them: headings, numbering schemes, column orders, quarter rows.</summary>
public sealed class TaskTableShapeTests
{
    private static PlanDocument Read(params string[] rows) =>
        SeedFiles.ReadText("Số: 7/KH-UBND\n\nKẾ HOẠCH\nThi đua năm 2024\n\n" + string.Join('\n', rows) + "\n");

    [Fact]
    public void A_bold_heading_without_a_number_is_a_group_not_a_continuation()
    {
        var items = Read(
            "TT\tNội dung\tĐơn vị thực hiện",
            "\t<b>Công tác tuyên truyền</b>\t",
            "1\tTuyên truyền trên báo\tBáo Cần Thơ chủ trì",
            "\tnăm 2024 và các năm sau\t",
            "\t**Công tác khen thưởng**\t",
            "2\tXét khen thưởng\tSở Nội vụ chủ trì").Items;
        Assert.Equal(new ItemGroup(null, "Công tác tuyên truyền"), items[0].Group);
        Assert.Equal("Tuyên truyền trên báo năm 2024 và các năm sau", items[0].Content);
        Assert.Equal(new ItemGroup(null, "Công tác khen thưởng"), items[1].Group);
    }

    [Fact]
    public void Numbered_headings_over_sub_numbers_are_groups_and_tasks_are_renumbered()
    {
        var document = Read(
            "STT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp",
            "1\tCông tác tuyên truyền\t\t",
            "1.1\tTuyên truyền trên báo\tBáo Cần Thơ\t",
            "1.2\tTuyên truyền trên đài\tĐài Phát thanh và Truyền hình thành phố\t",
            "2\tCông tác khen thưởng\t\t",
            "2.1\tXét khen thưởng\tSở Nội vụ\tSở Tài chính");
        Assert.Equal([1, 2, 3], document.Items.Select(i => i.Ordinal));
        Assert.Equal(["1.1", "1.2", "2.1"], document.Items.Select(i => i.OrdinalText));
        Assert.Equal(new ItemGroup("1", "Công tác tuyên truyền"), document.Items[1].Group);
        Assert.Equal(new ItemGroup("2", "Công tác khen thưởng"), document.Items[2].Group);
        Assert.Contains(document.Warnings, w => w.Message.Contains("numbered 1–3"));
    }

    [Fact]
    public void Numbers_restarting_in_each_group_are_renumbered_in_order()
    {
        var document = Read(
            "TT\tNội dung\tĐơn vị thực hiện",
            "I\tCÔNG TÁC TUYÊN TRUYỀN\t",
            "1\tTuyên truyền trên báo\tBáo Cần Thơ chủ trì",
            "II\tCÔNG TÁC KHEN THƯỞNG\t",
            "1\tXét khen thưởng\tSở Nội vụ chủ trì");
        Assert.Equal([1, 2], document.Items.Select(i => i.Ordinal));
        Assert.Equal(new ItemGroup("II", "CÔNG TÁC KHEN THƯỞNG"), document.Items[1].Group);
        Assert.Equal(["I.1", "II.1"], document.Items.Select(i => i.Label));
        // Restarting in each group is how such plans number their tasks, not a fault to report.
        Assert.Empty(document.Warnings);
    }

    [Fact]
    public void Columns_are_found_by_their_header_words_in_any_order()
    {
        var item = Read(
            "Nội dung công việc\tThời hạn hoàn thành\tSố TT\tCơ quan thực hiện",
            "(1)\t(2)\t(3)\t(4)",
            "Quý II/2024\t\t\t",
            "Tổ chức hội nghị\tTháng 5/2024\t1\tSở Nội vụ chủ trì, phối hợp với Sở Tài chính").Items.Single();
        Assert.Equal(("Tổ chức hội nghị", 2, "Sở Nội vụ"), (item.Content, item.Quarter, item.LeadName));
        Assert.Equal(["Sở Tài chính"], item.CoordinatorNames);
        Assert.Equal(new DuePhrase(DuePhraseKind.Month, "Tháng 5/2024", 2024, 5, DuePhraseMonthPart.Whole), item.Due);
    }

    [Fact]
    public void A_due_cell_that_is_not_understood_is_kept_with_a_warning()
    {
        var document = Read(
            "STT\tNội dung\tCơ quan chủ trì\tThời gian thực hiện",
            "1\tTổ chức hội nghị\tSở Nội vụ\tTheo chỉ đạo của Trung ương");
        Assert.Equal(new DuePhrase(DuePhraseKind.Unrecognized, "Theo chỉ đạo của Trung ương"), document.Items[0].Due);
        Assert.Contains(document.Warnings, w => w.Message.Contains("not understood") && w.Location.Line == 7);
    }

    [Fact]
    public void A_row_with_units_but_no_number_is_a_new_task_with_a_warning()
    {
        var document = Read(
            "TT\tNội dung\tĐơn vị thực hiện",
            "1\tTổ chức hội nghị\tSở Nội vụ chủ trì",
            "\tXuất bản kỷ yếu\tBáo Cần Thơ chủ trì");
        Assert.Equal(["Tổ chức hội nghị", "Xuất bản kỷ yếu"], document.Items.Select(i => i.Content));
        Assert.Equal([1, 2], document.Items.Select(i => i.Ordinal));
        Assert.NotEmpty(document.Warnings);
    }

    [Fact]
    public void A_task_without_a_lead_is_read_with_a_warning()
    {
        var document = Read("TT\tNội dung\tĐơn vị thực hiện", "1\tTổ chức hội nghị\tcác cơ quan liên quan");
        Assert.Null(document.Items[0].LeadName);
        Assert.True(document.Items[0].AndRelatedAgencies);
        Assert.Contains(document.Warnings, w => w.Message.Contains("no lead agency"));
    }

    [Fact]
    public void A_note_under_the_table_is_not_added_to_the_last_task()
    {
        var document = Read("TT\tNội dung\tĐơn vị thực hiện", "1\tTổ chức hội nghị\tSở Nội vụ chủ trì", "Ghi chú: Thời gian có thể thay đổi.\t\t");
        Assert.Equal("Tổ chức hội nghị", document.Items.Single().Content);
        Assert.Contains(document.Warnings, w => w.Message.Contains("note row"));
    }
}
