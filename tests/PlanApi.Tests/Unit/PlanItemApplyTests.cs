using PlanApi.Domain;

namespace PlanApi.Tests.Unit;

/// <summary>An item's status follows its newest accepted report.</summary>
public sealed class PlanItemApplyTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private static PlanItem Item()
    {
        var item = new PlanItem { Content = "Tổ chức họp Hội đồng TĐKT (Phiên thứ nhất)" };
        item.Schedule(2023, 1, ItemDue.InMonth(new DuePeriod(2023, 2, MonthPart.Early)), "đầu tháng 02 /2023");
        return item;
    }

    private static ProgressReport Report(ItemStatus status, int percent, DateTimeOffset reportedAt) => new()
    {
        Status = status,
        PercentComplete = percent,
        Summary = $"{status} {percent}",
        ReportedAt = reportedAt,
    };

    [Fact]
    public void New_item_has_not_started()
    {
        var item = Item();
        Assert.Equal(ItemStatus.NotStarted, item.Status);
        Assert.Equal(0, item.PercentComplete);
        Assert.Null(item.LatestReportId);
        Assert.Null(item.LastReportedAt);
        Assert.Null(item.CompletedOn);
    }

    [Fact]
    public void First_report_sets_status_percent_and_latest_report()
    {
        var item = Item();
        var report = Report(ItemStatus.InProgress, 40, new DateTimeOffset(2023, 2, 3, 10, 0, 0, Vn));
        item.Apply(report);
        Assert.Equal(ItemStatus.InProgress, item.Status);
        Assert.Equal(40, item.PercentComplete);
        Assert.Equal(report.Id, item.LatestReportId);
        Assert.Equal(report.ReportedAt, item.LastReportedAt);
        Assert.Null(item.CompletedOn);
    }

    [Fact]
    public void Newer_report_wins()
    {
        var item = Item();
        item.Apply(Report(ItemStatus.InProgress, 40, new DateTimeOffset(2023, 2, 3, 10, 0, 0, Vn)));
        var newer = Report(ItemStatus.Completed, 100, new DateTimeOffset(2023, 2, 8, 16, 30, 0, Vn));
        item.Apply(newer);
        Assert.Equal(ItemStatus.Completed, item.Status);
        Assert.Equal(100, item.PercentComplete);
        Assert.Equal(newer.Id, item.LatestReportId);
        Assert.Equal(newer.ReportedAt, item.LastReportedAt);
        Assert.Equal(new DateOnly(2023, 2, 8), item.CompletedOn);
    }

    [Fact]
    public void Older_report_does_not_override_a_newer_one()
    {
        var item = Item();
        var newer = Report(ItemStatus.Completed, 100, new DateTimeOffset(2023, 2, 8, 16, 30, 0, Vn));
        item.Apply(newer);
        item.Apply(Report(ItemStatus.InProgress, 30, new DateTimeOffset(2023, 2, 5, 8, 0, 0, Vn)));
        Assert.Equal(ItemStatus.Completed, item.Status);
        Assert.Equal(100, item.PercentComplete);
        Assert.Equal(newer.Id, item.LatestReportId);
        Assert.Equal(newer.ReportedAt, item.LastReportedAt);
        Assert.Equal(new DateOnly(2023, 2, 8), item.CompletedOn);
    }

    [Fact]
    public void Later_in_progress_report_reopens_a_completed_item()
    {
        var item = Item();
        item.Apply(Report(ItemStatus.Completed, 100, new DateTimeOffset(2023, 2, 8, 16, 30, 0, Vn)));
        var reopen = Report(ItemStatus.InProgress, 80, new DateTimeOffset(2023, 2, 9, 9, 0, 0, Vn));
        item.Apply(reopen);
        Assert.Equal(ItemStatus.InProgress, item.Status);
        Assert.Equal(80, item.PercentComplete);
        Assert.Equal(reopen.Id, item.LatestReportId);
        Assert.Null(item.CompletedOn);
    }

    [Fact]
    public void Completion_date_is_the_date_in_Viet_Nam()
    {
        var item = Item();
        // 17:30 UTC on 10 February is 00:30 on 11 February in Việt Nam: one day after the window.
        item.Apply(Report(ItemStatus.Completed, 100, new DateTimeOffset(2023, 2, 10, 17, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2023, 2, 11), item.CompletedOn);
        Assert.True(ItemRules.CompletedLate(item.Status, item.CompletedOn, item.DueEnd));
    }

    [Fact]
    public void Completed_on_the_last_day_of_the_window_is_not_late()
    {
        var item = Item();
        item.Apply(Report(ItemStatus.Completed, 100, new DateTimeOffset(2023, 2, 10, 16, 59, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2023, 2, 10), item.CompletedOn);
        Assert.False(ItemRules.CompletedLate(item.Status, item.CompletedOn, item.DueEnd));
        Assert.False(item.IsOverdue(new DateOnly(2023, 3, 15)));
    }

    [Fact]
    public void Schedule_without_due_phrase_is_due_at_the_end_of_the_quarter()
    {
        var item = new PlanItem { Content = "x" };
        item.Schedule(2023, 2, null, "thường xuyên");
        Assert.Null(item.Due);
        // A phrase that names no month ("thường xuyên") is kept as written beside the derived window.
        Assert.Equal("thường xuyên", item.DueText);
        Assert.Equal(new DateOnly(2023, 4, 1), item.DueStart);
        Assert.Equal(new DateOnly(2023, 6, 30), item.DueEnd);
        Assert.True(item.IsOverdue(new DateOnly(2023, 7, 1)));
        Assert.False(item.IsOverdue(new DateOnly(2023, 6, 30)));
    }
}
