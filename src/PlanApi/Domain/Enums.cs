namespace PlanApi.Domain;

/// <summary>What kind of body an agency is (cơ quan, đơn vị, địa phương).</summary>
public enum AgencyKind
{
    /// <summary>A People's Committee (Ủy ban nhân dân).</summary>
    Government,
    /// <summary>A department, board or office (sở, ban, ngành).</summary>
    Department,
    /// <summary>An urban or rural district (quận, huyện).</summary>
    District,
    /// <summary>A Party committee or one of its boards (Thành ủy, Ban Tuyên giáo).</summary>
    PartyBody,
    /// <summary>A mass organisation (Mặt trận Tổ quốc, đoàn thể).</summary>
    MassOrganisation,
    /// <summary>Newspaper, radio, television or portal (báo, đài, cổng thông tin).</summary>
    Press,
    /// <summary>A council (HĐND, Hội đồng Thi đua - Khen thưởng, Hội đồng Sáng kiến).</summary>
    Council,
    /// <summary>A central government body (Văn phòng Chính phủ, Ban TĐKT Trung ương).</summary>
    CentralBody,
    /// <summary>A body of another province or city.</summary>
    External,
    /// <summary>
    /// A set a plan names instead of one agency ("các sở, ban, ngành", "UBND các xã, phường"): its members are the
    /// agencies of its jurisdiction that <see cref="Agency.CollectiveScope"/> describes, valid on the plan's date.
    /// </summary>
    Collective,
}

/// <summary>Which agencies of a jurisdiction a collective assignee names.</summary>
public enum CollectiveScope
{
    /// <summary>"các sở, ban, ngành": the departments, boards and sectors of the unit itself.</summary>
    Departments,
    /// <summary>"UBND các quận, huyện": the People's Committees of the districts within (until 2025-06-30).</summary>
    DistrictCommittees,
    /// <summary>"UBND các xã, phường": the People's Committees of the communes within.</summary>
    CommuneCommittees,
    /// <summary>"các cơ quan, đơn vị, địa phương": the departments and every People's Committee within.</summary>
    LocalBodies,
}

/// <summary>Cụm thi đua (cluster, by area or type) or khối thi đua (block, by sector).</summary>
public enum GroupingKind
{
    Cum,
    Khoi,
}

/// <summary>A plan's lifecycle: drafts are editable, published plans are public, closed plans are archived.</summary>
public enum PlanLifecycle
{
    Draft,
    Published,
    Closed,
}

/// <summary>The status a progress report declares for a plan item.</summary>
public enum ItemStatus
{
    NotStarted,
    InProgress,
    Completed,
    Postponed,
    Cancelled,
}

/// <summary>Part of a month: đầu tháng (days 1–10), giữa tháng (11–20), cuối tháng (21–end), or the whole month.</summary>
public enum MonthPart
{
    Whole,
    Early,
    Mid,
    Late,
}

/// <summary>How a plan writes an item's deadline.</summary>
public enum DueKind
{
    /// <summary>A month, or its early, mid or late part: "tháng 02/2023", "đầu tháng 02 /2023".</summary>
    Month,
    /// <summary>An exact day: "Ngày 11/6/2023", "trước ngày 15/3/2023". Due on that day.</summary>
    Date,
    /// <summary>A window: "Tháng 7 – 8/2023", "Quý II – III", "2021 - 2025". Due at its end.</summary>
    Range,
    /// <summary>"thường xuyên", "cả năm": the plan's year, never overdue.</summary>
    Ongoing,
    /// <summary>"hằng tháng", "Trước ngày 15/11 hằng năm": each occurrence within the plan's year is due.</summary>
    Recurring,
}

/// <summary>How often a recurring item comes back.</summary>
public enum DueFrequency
{
    Weekly,
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
}
