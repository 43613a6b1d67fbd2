using PlanApi.Documents;
using PlanApi.Documents.Parsing;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>In the three-column layout the due phrase is a parenthesis in the content; other parentheses stay.</summary>
public sealed class DueInContentTests
{
    [Fact]
    public void The_last_due_parenthesis_is_taken_and_removed()
    {
        var (content, due, _) = DueInContent.Extract("Thẩm định sáng kiến năm 2022 (đợt 1) (tháng 02/2023)", 2023);
        Assert.Equal("Thẩm định sáng kiến năm 2022 (đợt 1)", content);
        Assert.Equal("tháng 02/2023", due?.Text);
    }

    [Fact]
    public void With_two_due_parentheses_the_last_one_is_the_due()
    {
        var (content, due, _) = DueInContent.Extract("Họp sơ kết (tháng 3/2023) và báo cáo (tháng 4/2023)", 2023);
        Assert.Equal("Họp sơ kết (tháng 3/2023) và báo cáo", content);
        Assert.Equal(4, due?.Month);
    }

    [Fact]
    public void A_due_parenthesis_inside_the_text_leaves_clean_spacing()
    {
        var (content, due, _) = DueInContent.Extract("Tổ chức hội nghị (Quý II/2023), tại Hội trường", 2023);
        Assert.Equal("Tổ chức hội nghị, tại Hội trường", content);
        Assert.Equal(DuePhraseKind.Quarter, due?.Kind);
    }

    [Theory]
    [InlineData("Xây dựng kế hoạch kỷ niệm 20 năm (02/01/2004-02/01/2024)")]
    [InlineData("Tuyên truyền kỷ niệm 75 năm ngày truyền thống Thi đua yêu nước (11/6/1948 – 11/6/2023)")]
    [InlineData("Báo cáo sơ kết 6 tháng đầu năm 2023 (theo đề cương của Ban TĐKT Trung ương)")]
    [InlineData("Ký kết giao ước thi đua (năm 2023)")]
    [InlineData("Triển khai phong trào thi đua (2021-2025)")]
    public void Ranges_remarks_and_a_bare_year_are_not_due(string text)
    {
        var (content, due, _) = DueInContent.Extract(text, 2023);
        Assert.Equal(text, content);
        Assert.Null(due);
    }

    [Fact]
    public void A_parenthesis_written_as_a_due_with_impossible_numbers_is_kept_and_reported()
    {
        var (content, due, unreadable) = DueInContent.Extract("Tổ chức hội nghị (tháng 13/2023)", 2023);
        Assert.Equal("Tổ chức hội nghị (tháng 13/2023)", content);
        Assert.Null(due);
        Assert.Equal("tháng 13/2023", unreadable);
    }

    [Fact]
    public void Other_parentheses_are_not_reported()
    {
        var (_, _, unreadable) = DueInContent.Extract("Báo cáo sơ kết (theo đề cương) (đợt 1)", 2023);
        Assert.Null(unreadable);
    }
}
