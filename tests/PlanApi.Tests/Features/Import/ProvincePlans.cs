using System.Text;

namespace PlanApi.Tests.Features.Import;

/// <summary>
/// Plans of other issuers than Cần Thơ, written as the seed is (heading, "Số: …", place and date, KẾ HOẠCH, title, a
/// task table by quarter with "… chủ trì phối hợp với …", the duties and a signature), to import as text files.
/// </summary>
internal static class ProvincePlans
{
    /// <summary>Header 'ỦY BAN NHÂN DÂN / TỈNH THÁI BÌNH', tasks for Thái Bình's board, departments, Party board and newspaper.</summary>
    public static byte[] ThaiBinh => Plan("ỦY BAN NHÂN DÂN\nTỈNH THÁI BÌNH", "27/KH-UBND", "Thái Bình, ngày 20 tháng 02 năm 2023",
        "Triển khai công tác thi đua, khen thưởng năm 2023",
        "Thực hiện Kế hoạch số 05/KH-BTĐKT ngày 10/01/2023 của Ban TĐKT Trung ương về công tác thi đua, khen thưởng năm 2023.",
        [
            ["Tổng kết công tác thi đua, khen thưởng năm 2022 (tháng 02/2023)",
                "Ban Thi đua - Khen thưởng tỉnh (Cơ quan Thường trực Hội đồng TĐKT tỉnh) chủ trì phối hợp với Sở Nội vụ và các cơ quan liên quan"],
            ["Họp Hội đồng Thi đua - Khen thưởng tỉnh xét danh hiệu thi đua năm 2022 (tháng 3/2023)",
                "Ban TĐKT tỉnh chủ trì phối hợp với Văn phòng UBND tỉnh"],
        ],
        [
            ["Tuyên dương điển hình tiên tiến trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (tháng 5/2023)",
                "Ban Tuyên giáo Tỉnh ủy chủ trì phối hợp với Báo Thái Bình, Đài Phát thanh và Truyền hình tỉnh"],
        ],
        [
            ["Khen thưởng học sinh đạt giải cao tại kỳ thi học sinh giỏi quốc gia (tháng 7/2023)",
                "Sở Giáo dục và Đào tạo chủ trì phối hợp với Ban TĐKT tỉnh"],
        ],
        [
            ["Trao đổi kinh nghiệm công tác thi đua với thành phố Hà Nội (tháng 11/2023)",
                "Ban TĐKT tỉnh chủ trì phối hợp với Ủy ban nhân dân thành phố Hà Nội"],
        ],
        "Ủy ban nhân dân tỉnh");

    /// <summary>Another province's plan naming the same boards ("Ban Tuyên giáo Tỉnh ủy", "Sở Nội vụ").</summary>
    public static byte[] NgheAn => Plan("UBND TỈNH NGHỆ AN", "112/KH-UBND", "Nghệ An, ngày 15 tháng 3 năm 2023",
        "Tổ chức phong trào thi đua yêu nước năm 2023", null,
        [["Phát động phong trào thi đua năm 2023 (tháng 3/2023)", "Sở Nội vụ chủ trì phối hợp với Ban Tuyên giáo Tỉnh ủy"]],
        [["Tuyên truyền điển hình tiên tiến (tháng 6/2023)", "Ban Tuyên giáo Tỉnh ủy chủ trì phối hợp với Báo Nghệ An"]],
        [], [], "Ủy ban nhân dân tỉnh");

    /// <summary>A district's plan: the province on the line above the issuer, the district's own offices, a commune, the province's boards.</summary>
    public static byte[] KienXuong => Plan("UBND TỈNH THÁI BÌNH\nUBND HUYỆN KIẾN XƯƠNG", "08/KH-UBND", "Kiến Xương, ngày 10 tháng 3 năm 2023",
        "Công tác thi đua, khen thưởng năm 2023 của huyện", null,
        [["Tổng kết công tác thi đua năm 2022 (tháng 3/2023)", "Phòng Nội vụ chủ trì phối hợp với Văn phòng HĐND và UBND huyện, Ban TĐKT tỉnh"]],
        [["Xây dựng điển hình tiên tiến ở xã (tháng 6/2023)", "UBND xã Trà Giang chủ trì phối hợp với Phòng Nội vụ, Sở Nội vụ"]],
        [], [], "Ủy ban nhân dân huyện");

    /// <summary>A central body under its ministry, naming central bodies, a body of its own, a city and a city's department.</summary>
    public static byte[] Ministry => Plan("BỘ NỘI VỤ\nBAN THI ĐUA - KHEN THƯỞNG TRUNG ƯƠNG", "05/KH-BTĐKT", "Hà Nội, ngày 10 tháng 01 năm 2023",
        "Công tác thi đua, khen thưởng năm 2023 của Ban Thi đua - Khen thưởng Trung ương", null,
        [["Cập nhật cơ sở dữ liệu thi đua, khen thưởng (tháng 02/2023)", "Trung tâm Thông tin Thi đua Khen thưởng chủ trì phối hợp với Văn phòng Chính phủ"]],
        [["Kiểm tra công tác thi đua tại các địa phương (tháng 5/2023)",
            "Ban TĐKT Trung ương chủ trì phối hợp với Ủy ban nhân dân thành phố Hà Nội, Sở Nội vụ thành phố Hà Nội"]],
        [], [], "Ban Thi đua - Khen thưởng Trung ương");

    /// <summary>Cần Thơ after 1 July 2025: its wards, and the districts and the province that ended that day.</summary>
    public static byte[] CanTho2026 => Plan("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ", "15/KH-UBND", "Cần Thơ, ngày 15 tháng 01 năm 2026",
        "Triển khai công tác thi đua, khen thưởng năm 2026", null,
        [["Tổng kết công tác thi đua, khen thưởng năm 2025 (tháng 02/2026)", "Ban TĐKT thành phố chủ trì phối hợp với Sở Nội vụ, UBND phường Ninh Kiều"]],
        [["Sơ kết mô hình điểm (tháng 5/2026)", "UBND quận Ninh Kiều chủ trì phối hợp với Ủy ban nhân dân tỉnh Hậu Giang"]],
        [], [], "Ủy ban nhân dân thành phố");

    /// <summary>Cần Thơ in 2026 naming sets instead of agencies: the wards and communes, the departments, and businesses (no set).</summary>
    public static byte[] CanThoSets2026 => Plan("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ", "31/KH-UBND", "Cần Thơ, ngày 20 tháng 01 năm 2026",
        "Phong trào thi đua xây dựng đô thị văn minh năm 2026", null,
        [["Phát động phong trào thi đua ở khu dân cư (tháng 3/2026)", "Sở Nội vụ chủ trì phối hợp với UBND các xã, phường"]],
        [["Xây dựng kế hoạch thi đua của từng ngành (tháng 4/2026)", "Các sở, ban, ngành chủ trì, phối hợp với Ban TĐKT thành phố"]],
        [["Vận động doanh nghiệp tham gia (tháng 8/2026)", "Sở Nội vụ chủ trì phối hợp với các doanh nghiệp và các cơ quan liên quan"]],
        [], "Ủy ban nhân dân thành phố");

    /// <summary>Cần Thơ in 2023 naming "UBND các quận, huyện": the nine districts of that day.</summary>
    public static byte[] CanThoDistricts2023 => Plan("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ", "96/KH-UBND", "Cần Thơ, ngày 10 tháng 3 năm 2023",
        "Phong trào thi đua cải cách hành chính năm 2023", null,
        [["Rà soát thủ tục hành chính (tháng 3/2023)", "Sở Nội vụ chủ trì phối hợp với UBND các quận, huyện"]],
        [], [], [], "Ủy ban nhân dân thành phố");

    /// <summary>A district whose name eight provinces share (huyện Châu Thành), with no line above it to tell which.</summary>
    public static byte[] ChauThanh => Plan("ỦY BAN NHÂN DÂN\nHUYỆN CHÂU THÀNH", "21/KH-UBND", "Châu Thành, ngày 12 tháng 4 năm 2023",
        "Công tác thi đua, khen thưởng năm 2023", null,
        [["Tổng kết phong trào thi đua (tháng 4/2023)", "Phòng Nội vụ chủ trì phối hợp với Văn phòng HĐND và UBND huyện"]],
        [], [], [], "Ủy ban nhân dân huyện");

    private static byte[] Plan(string heading, string number, string placeAndDate, string title, string? basis,
        string[][] q1, string[][] q2, string[][] q3, string[][] q4, string issuerInText)
    {
        var text = new StringBuilder();
        text.Append(heading).Append("\nSố: ").Append(number).Append("\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n")
            .Append("Độc lập - Tự do - Hạnh phúc\n").Append(placeAndDate).Append("\n\n")
            .Append("KẾ HOẠCH\n").Append(title).Append("\n\n");
        if (basis is not null) text.Append(basis).Append("\n\n");
        text.Append(issuerInText).Append(" ban hành Kế hoạch với những nội dung sau:\n\n")
            .Append("I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích: phát huy truyền thống thi đua yêu nước.\n\n2. Yêu cầu: khen thưởng kịp thời, chính xác.\n\n")
            .Append("II. NỘI DUNG\n\nTT\tNội dung\tĐơn vị thực hiện\n");
        var ordinal = 0;
        foreach (var (quarter, tasks) in new[] { ("I", q1), ("II", q2), ("III", q3), ("IV", q4) })
        {
            text.Append("QUÝ ").Append(quarter).Append("\t\t\n");
            foreach (var task in tasks) text.Append(++ordinal).Append('\t').Append(task[0]).Append('\t').Append(task[1]).Append('\n');
        }
        text.Append("\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Các cơ quan, đơn vị căn cứ Kế hoạch này xây dựng kế hoạch cụ thể.\n\n")
            .Append("Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ").Append(issuerInText.ToUpperInvariant()).Append("\nCHỦ TỊCH\n\nNguyễn Văn An\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
