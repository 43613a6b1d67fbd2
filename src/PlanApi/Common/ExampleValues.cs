using PlanApi.Domain;
using PlanApi.Features.AdministrativeUnits;
using PlanApi.Features.Agencies;
using PlanApi.Features.ApiKeys;
using PlanApi.Features.Audit;
using PlanApi.Features.Changes;
using PlanApi.Features.Groupings;
using PlanApi.Features.Import;
using PlanApi.Features.Items;
using PlanApi.Features.Plans;
using PlanApi.Features.ProgressReports;
using PlanApi.Features.Status;

namespace PlanApi.Common;

/// <summary>Examples for the OpenAPI contract, taken from plan 244/KH-UBND of Cần Thơ.</summary>
internal static class ExampleValues
{
    private static readonly Guid PlanId = Guid.Parse("0195f3a0-1c2b-7d4e-8f90-123456789abc");
    private static readonly Guid ReportId = Guid.Parse("0195f3a4-77aa-7b1c-9d2e-abcdef012345");
    private static readonly DateTimeOffset Created = new(2023, 1, 3, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset Reported = new(2023, 2, 8, 16, 30, 0, TimeSpan.FromHours(7));

    private static readonly AgencyRefDto UbndCanTho = new("ubnd-can-tho", "Ủy ban nhân dân thành phố Cần Thơ", "UBND thành phố");
    private static readonly AgencyRefDto BanTdkt = new("ban-tdkt-can-tho", "Ban Thi đua - Khen thưởng thành phố Cần Thơ", "Ban TĐKT thành phố");
    private static readonly AgencyRefDto SoGddt = new("so-gddt-can-tho", "Sở Giáo dục và Đào tạo thành phố Cần Thơ", "Sở Giáo dục và Đào tạo");

    private static readonly PlanFields PlanFieldsExample = new(
        "ubnd-can-tho", "244/KH-UBND", "KH", "Cần Thơ", new DateOnly(2022, 12, 20), 2023,
        "Triển khai công tác thi đua, khen thưởng năm 2023",
        "Ủy ban nhân dân thành phố ban hành Kế hoạch triển khai công tác thi đua, khen thưởng năm 2023 với những nội dung chủ yếu sau:",
        [new LegalBasis("42/NQ-HĐND", "NQ", new DateOnly(2022, 12, 9), "Hội đồng nhân dân thành phố", "hdnd-can-tho",
            "về kết quả thực hiện nhiệm vụ kinh tế - xã hội, quốc phòng - an ninh năm 2022 và mục tiêu, nhiệm vụ, giải pháp năm 2023")],
        [new LabeledText("a", "Đẩy mạnh các phong trào thi đua yêu nước thực hiện có hiệu quả, đồng bộ, …")],
        [new LabeledText(null, "Các cơ quan, đơn vị, địa phương, doanh nghiệp và các cụm, khối thi đua chủ động xây dựng kế hoạch …")],
        [new PlanDuty(4, "Giao Ban Thi đua - Khen thưởng thành phố (Sở Nội vụ) theo dõi, đôn đốc …", ["ban-tdkt-can-tho", "so-noi-vu-can-tho"])],
        ["Văn phòng Chính phủ", "Ban TĐ-KT Trung ương"],
        new Signature("TM.", "Ủy ban nhân dân", "Chủ tịch", "Trần Việt Trường"),
        PlanLifecycle.Published);

    private static readonly PlanDto Plan = new(
        PlanId, "244/KH-UBND", "KH", UbndCanTho, "Cần Thơ", new DateOnly(2022, 12, 20), 2023, PlanFieldsExample.Title,
        PlanFieldsExample.Preamble, PlanFieldsExample.LegalBases!, PlanFieldsExample.Purposes!, PlanFieldsExample.Requirements!,
        PlanFieldsExample.Duties!, PlanFieldsExample.Recipients!, PlanFieldsExample.Signature, PlanLifecycle.Published, 32, Created, Created);

    private static readonly PlanSummaryDto PlanSummary = new(
        PlanId, "244/KH-UBND", UbndCanTho, new DateOnly(2022, 12, 20), 2023, PlanFieldsExample.Title, PlanLifecycle.Published, 32, Created, Created);

    private static readonly PlanItemDto Item = new(
        // A group is shown as plans grouped by subject print it (the seed itself is grouped by quarter only).
        PlanId, "244/KH-UBND", 6, 1, "6", new ItemGroupDto("I", "Công tác tổ chức phong trào thi đua"),
        "Tổ chức họp Hội đồng TĐKT (Phiên thứ nhất) xét các danh hiệu thi đua cấp thành phố; …",
        BanTdkt, "Cơ quan Thường trực Hội đồng TĐKT", [], true,
        "Ban TĐKT thành phố (Cơ quan Thường trực Hội đồng TĐKT) chủ trì phối hợp với các cơ quan liên quan",
        new DueDto(2023, 2, MonthPart.Early, "đầu tháng 02 /2023", new DateOnly(2023, 2, 1), new DateOnly(2023, 2, 10), false, DueKind.Month),
        ItemStatus.Completed, 100, false, 0, false, new DateOnly(2023, 2, 8), Reported, ReportId, Created, Reported);

    private static readonly CreatePlanItemBody ItemBody = new(
        19, 3, "Khen thưởng, tôn vinh và biểu dương học sinh đạt giải cao tại các kỳ thi học sinh giỏi cấp quốc gia năm học 2022 – 2023",
        "so-gddt-can-tho", null, ["ban-tdkt-can-tho"], true,
        "Sở Giáo dục và Đào tạo chủ trì phối hợp với Ban TĐKT thành phố (Cơ quan Thường trực Hội đồng TĐKT) và các cơ quan liên quan",
        new DuePeriodInput(2023, 7, MonthPart.Whole, DueKind.Month), "tháng 7/2023", null, new ItemGroupInput("II", "Công tác khen thưởng"));

    private static readonly JurisdictionDto CanThoJurisdiction = new("92", "Thành phố Cần Thơ", UnitLevel.Province, new DateOnly(2025, 7, 1), null);

    private static readonly AgencyDto Agency = new(
        "so-gddt-can-tho", SoGddt.Name, SoGddt.ShortName, ["Sở GD&ĐT", "Sở Giáo dục và Đào tạo thành phố"], AgencyKind.Department, null, true,
        "92", CanThoJurisdiction, null, null, true, "000.00.18.H13", null, [], [], [], Created, Created);

    /// <summary>A district that ended on 30 June 2025: its open items are on its successors' lists.</summary>
    private static readonly AgencyDto EndedDistrict = new(
        "ninh-kieu", "Ủy ban nhân dân quận Ninh Kiều", "Quận Ninh Kiều", ["UBND quận Ninh Kiều"], AgencyKind.District, null, true,
        "916", new JurisdictionDto("916", "Quận Ninh Kiều", UnitLevel.District, null, new DateOnly(2025, 6, 30)),
        null, new DateOnly(2025, 6, 30), false, null, null, [],
        [new AgencySuccessionDto("ubnd-phuong-ninh-kieu-can-tho", "Ủy ban nhân dân phường Ninh Kiều", SuccessionKind.SplitAmong, new DateOnly(2025, 7, 1)),
         new AgencySuccessionDto("ubnd-phuong-tan-an-can-tho", "Ủy ban nhân dân phường Tân An", SuccessionKind.SplitAmong, new DateOnly(2025, 7, 1))],
        [], Created, Created);

    private static readonly CreateAgencyCommand AgencyBody = new(
        "so-gddt-can-tho", SoGddt.Name, SoGddt.ShortName, ["Sở GD&ĐT"], AgencyKind.Department, null, "92", IdentifierCode: "000.00.18.H13");

    private static readonly string[] UrbanDistricts = ["ninh-kieu", "binh-thuy", "cai-rang", "o-mon", "thot-not"];

    private static AgencyRefDto District(string code, string name) => new(code, $"Ủy ban nhân dân quận {name}", $"Quận {name}");

    // An illustrative cụm of the five urban districts (a city's own cụm are designated each year, plan task 8).
    private static readonly CreateGroupingCommand GroupingBody = new(
        "cum-cac-quan-2023", GroupingKind.Cum, "Cụm thi đua các quận", 2023,
        "Ninh Kiều, Bình Thủy, Cái Răng, Ô Môn, Thốt Nốt", UrbanDistricts, "ninh-kieu", "binh-thuy");

    private static readonly GroupingDto Grouping = new(
        GroupingBody.Code, GroupingKind.Cum, GroupingBody.Name, 2023, GroupingBody.Description,
        District("ninh-kieu", "Ninh Kiều"), District("binh-thuy", "Bình Thủy"),
        [District("ninh-kieu", "Ninh Kiều"), District("binh-thuy", "Bình Thủy"), District("cai-rang", "Cái Răng"),
         District("o-mon", "Ô Môn"), District("thot-not", "Thốt Nốt")],
        Created, Created);

    private static readonly ProgressReportBody ReportBody = new(
        "ban-tdkt-can-tho", ItemStatus.Completed, 100,
        "Đã tổ chức họp Hội đồng TĐKT phiên thứ nhất ngày 08/02/2023; hồ sơ đề nghị Cờ thi đua của Chính phủ đã trình.",
        new EvidenceDto("25/BC-BTĐKT", new DateOnly(2023, 2, 8), "https://cantho.gov.vn/van-ban/25-bc-btdkt"),
        new DateOnly(2023, 2, 1), new DateOnly(2023, 2, 8));

    private static readonly ProgressReportDto Report = new(
        ReportId, PlanId, 6, BanTdkt, ItemStatus.Completed, 100, ReportBody.Summary, ReportBody.Evidence,
        ReportBody.PeriodFrom, ReportBody.PeriodTo, Reported);

    private static readonly ApiKeyDto Key = new(
        Guid.Parse("0195f3b0-0000-7000-8000-00000000a11e"), "Phần mềm quản lý văn bản quận Ninh Kiều", ClientRole.Reporter, "ninh-kieu",
        "pk_Xq3vT9a", Created, null);

    // Cần Thơ after 1 July 2025: Phường Ninh Kiều took in three wards of the former Quận Ninh Kiều.
    private static readonly DateOnly Reorganised = new(2025, 7, 1);
    private static readonly DateOnly LastDayBefore = new(2025, 6, 30);
    private static readonly AdministrativeUnitRefDto CanTho = new("92", "Thành phố Cần Thơ");
    private static AdministrativeUnitSummaryDto Ward(string code, string name) =>
        new(code, UnitLevel.Commune, name, $"Phường {name}", "Phường", "92", CanTho, Reorganised, null);
    private static AdministrativeUnitSuccessionDto FormerWard(string code, string name) =>
        new(code, $"Phường {name}", UnitLevel.Commune, null, LastDayBefore, SuccessionKind.MergedInto, Reorganised);
    private static readonly AdministrativeUnitDto PhuongNinhKieu = new(
        "31135", UnitLevel.Commune, "Ninh Kiều", "Phường Ninh Kiều", "Phường", "92", CanTho, Reorganised, null, [], [],
        [FormerWard("31123", "Thới Bình"), FormerWard("31135", "Tân An"), FormerWard("31144", "Xuân Khánh"),
         new("916", "Quận Ninh Kiều", UnitLevel.District, null, LastDayBefore, SuccessionKind.SplitAmong, Reorganised)]);

    public static readonly IReadOnlyDictionary<Type, object> Values = new Dictionary<Type, object>
    {
        [typeof(PlanFields)] = PlanFieldsExample,
        [typeof(PlanDto)] = Plan,
        [typeof(PlanSummaryDto)] = PlanSummary,
        [typeof(Page<PlanSummaryDto>)] = new Page<PlanSummaryDto>([PlanSummary], 1, 20, 0),
        [typeof(PlanItemDto)] = Item,
        [typeof(Page<PlanItemDto>)] = new Page<PlanItemDto>([Item], 32, 1, 5, $"/api/v1/plans/{PlanId}/items?limit=1&offset=6"),
        [typeof(CreatePlanItemBody)] = ItemBody,
        [typeof(PlanItemFields)] = (PlanItemFields)ItemBody with { },
        [typeof(AgencyDto)] = Agency,
        [typeof(Page<AgencyDto>)] = new Page<AgencyDto>([Agency, EndedDistrict], 2, 20, 0),
        [typeof(CreateAgencyCommand)] = AgencyBody,
        [typeof(AgencyFields)] = new AgencyFields(EndedDistrict.Name, EndedDistrict.ShortName, EndedDistrict.Aliases, AgencyKind.District, null,
            "916", null, new DateOnly(2025, 6, 30), null, null,
            [new AgencySuccessorInput("ubnd-phuong-ninh-kieu-can-tho", SuccessionKind.SplitAmong), new AgencySuccessorInput("ubnd-phuong-tan-an-can-tho", SuccessionKind.SplitAmong)]),
        [typeof(AdministrativeUnitDto)] = PhuongNinhKieu,
        [typeof(Page<AdministrativeUnitSummaryDto>)] = new Page<AdministrativeUnitSummaryDto>(
            [Ward("31120", "Cái Khế"), Ward("31135", "Ninh Kiều")], 103, 2, 0, "/api/v1/administrative-units?parent=92&asOf=2025-07-01&limit=2&offset=2"),
        [typeof(ItemAssigneesDto)] = new ItemAssigneesDto(PlanId, 4,
        [
            new ItemAssigneeDto(new AgencyRefDto("so-noi-vu-can-tho", "Sở Nội vụ thành phố Cần Thơ", "Sở Nội vụ"), "lead", Reported, null, null),
            new ItemAssigneeDto(new AgencyRefDto("ubnd-cac-xa-phuong-thi-tran-dac-khu-can-tho", "UBND các xã, phường, thị trấn, đặc khu thành phố Cần Thơ", "UBND các xã, phường"),
                "coordinator", Reported, 1,
                [new ItemSetMemberDto(new AgencyRefDto("ubnd-phuong-cai-khe-can-tho", "Ủy ban nhân dân phường Cái Khế", "UBND phường Cái Khế"), null),
                 new ItemSetMemberDto(new AgencyRefDto("ubnd-phuong-ninh-kieu-can-tho", "Ủy ban nhân dân phường Ninh Kiều", "UBND phường Ninh Kiều"), Reported)]),
        ]),
        [typeof(GroupingDto)] = Grouping,
        [typeof(Page<GroupingDto>)] = new Page<GroupingDto>([Grouping], 1, 20, 0),
        [typeof(CreateGroupingCommand)] = GroupingBody,
        [typeof(GroupingFields)] = new GroupingFields(GroupingKind.Cum, GroupingBody.Name, 2023, GroupingBody.Description, UrbanDistricts, "ninh-kieu", "binh-thuy"),
        [typeof(ProgressReportBody)] = ReportBody,
        [typeof(ProgressReportDto)] = Report,
        [typeof(Page<ProgressReportDto>)] = new Page<ProgressReportDto>([Report], 1, 20, 0),
        [typeof(ApiKeyDto)] = Key,
        [typeof(PlanImportPreviewDto)] = new PlanImportPreviewDto(
            "docx",
            new PlanImportJurisdictionDto("92", "Thành phố Cần Thơ", JurisdictionLevel.Province, "92", null, new DateOnly(2025, 6, 30), JurisdictionOrigin.Place),
            PlanFieldsExample with { Lifecycle = PlanLifecycle.Draft }, [ItemBody],
            [new ImportWarning("task 5: the due phrase \"tháng 13/2023\" is not understood; it is kept as text", "table 2, row 7")],
            [new UnresolvedAgency("Sở Văn hóa, Thể thao và Du lịch", "so-van-hoa-the-thao-va-du-lich-can-tho",
                "Sở Văn hóa, Thể thao và Du lịch thành phố Cần Thơ", "92", AgencyKind.Department)], null, false),
        [typeof(PlanStatusDto)] = new PlanStatusDto(
            PlanId, "244/KH-UBND", PlanFieldsExample.Title, PlanLifecycle.Published, Reported, new DateOnly(2023, 3, 15), 32, 9.4m,
            new StatusCounts(27, 2, 3, 0, 0), 2, 1,
            [new QuarterStatus(1, 10, 3, 2), new QuarterStatus(2, 7, 0, 0), new QuarterStatus(3, 7, 0, 0), new QuarterStatus(4, 8, 0, 0)],
            [new LeadStatus(BanTdkt, 29, 3, 2), new LeadStatus(SoGddt, 1, 0, 0)],
            [new OverdueItem(7, "Tổ chức Hội nghị tổng kết phong trào thi đua, công tác khen thưởng năm 2022, triển khai nhiệm vụ năm 2023",
                BanTdkt, ItemStatus.InProgress, new DateOnly(2023, 2, 28), "cuối tháng 02 năm 2023", 15, DueKind.Month)],
            [new DueSoonItem(10, "Tổ chức Đoàn tham dự Hội nghị Tổng kết chỉ tiêu giao ước thi đua năm 2022 …", BanTdkt,
                ItemStatus.NotStarted, new DateOnly(2023, 3, 31), "tháng 3/2023", DueKind.Month)],
            Reported, [], 0, 0),
        [typeof(Page<PlanStatusRow>)] = new Page<PlanStatusRow>(
            [new PlanStatusRow(PlanId, "244/KH-UBND", PlanFieldsExample.Title, UbndCanTho, 2023, PlanLifecycle.Published, 32, 3, 2, 9.4m, Reported)], 1, 20, 0),
        [typeof(AgencyStatusDto)] = new AgencyStatusDto(SoGddt, new DateOnly(2023, 8, 2), new GroupTotals(1, 0, 1), new GroupTotals(0, 0, 0),
            [new AgencyOverdueItem(PlanId, "244/KH-UBND", 19, ItemBody.Content, "lead", new DateOnly(2023, 7, 31), 2, DueKind.Month)]),
        [typeof(ChangePage)] = new ChangePage(
            [new ChangeDto(1842, Reported, "create", "progress_report", ReportId.ToString(), "\"k3Jd9sQ0vLw2mXc8pZ1tYb\"", $"/api/v1/progress-reports/{ReportId}"),
             new ChangeDto(1843, Reported, "update", "plan_item", $"{PlanId}/6", "\"Qm7Tz2Lr5vNc1Xa9Pd4Wke\"", $"/api/v1/plans/{PlanId}/items/6")],
            1843, "/api/v1/changes?after=1843&limit=100", false),
        [typeof(Page<AuditEntryDto>)] = new Page<AuditEntryDto>(
            [new AuditEntryDto(Guid.Parse("0195f3a4-77ab-7000-8000-0000000a0d17"), Reported, "key:0195f3b0-0000-7000-8000-00000000a11e",
                "Phần mềm quản lý văn bản quận Ninh Kiều", Guid.Parse("0195f3b0-0000-7000-8000-00000000a11e"), "ninh-kieu", "create",
                "progress_report", ReportId.ToString(), null,
                System.Text.Json.JsonSerializer.SerializeToElement(new { id = ReportId, status = "in_progress", percentComplete = 60 }),
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")], 1, 20, 0),
        [typeof(Page<ApiKeyDto>)] = new Page<ApiKeyDto>([Key], 1, 20, 0),
        [typeof(CreateApiKeyCommand)] = new CreateApiKeyCommand(Key.ClientName, ClientRole.Reporter, "ninh-kieu"),
        [typeof(IssuedApiKeyDto)] = new IssuedApiKeyDto(Key.Id, Key.ClientName, Key.Role, Key.AgencyCode, Key.KeyStart, Created,
            "pk_Xq3vT9aLk2mN8pQ4rS6tU1vW3xY5zA7bC9dE0fG2hJ4"),
    };
}
