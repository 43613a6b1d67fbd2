namespace PlanApi.Bench.Generator;

/// <summary>Vietnamese names and phrases the generator draws from.</summary>
internal static class Names
{
    /// <summary>The 63 provinces and centrally-run cities; the first is Cần Thơ (the seed's city).</summary>
    public static readonly (string Name, bool City)[] Provinces =
    [
        ("Cần Thơ", true), ("Hà Nội", true), ("Hồ Chí Minh", true), ("Hải Phòng", true), ("Đà Nẵng", true),
        ("An Giang", false), ("Bà Rịa - Vũng Tàu", false), ("Bắc Giang", false), ("Bắc Kạn", false), ("Bạc Liêu", false),
        ("Bắc Ninh", false), ("Bến Tre", false), ("Bình Định", false), ("Bình Dương", false), ("Bình Phước", false),
        ("Bình Thuận", false), ("Cà Mau", false), ("Cao Bằng", false), ("Đắk Lắk", false), ("Đắk Nông", false),
        ("Điện Biên", false), ("Đồng Nai", false), ("Đồng Tháp", false), ("Gia Lai", false), ("Hà Giang", false),
        ("Hà Nam", false), ("Hà Tĩnh", false), ("Hải Dương", false), ("Hậu Giang", false), ("Hòa Bình", false),
        ("Hưng Yên", false), ("Khánh Hòa", false), ("Kiên Giang", false), ("Kon Tum", false), ("Lai Châu", false),
        ("Lâm Đồng", false), ("Lạng Sơn", false), ("Lào Cai", false), ("Long An", false), ("Nam Định", false),
        ("Nghệ An", false), ("Ninh Bình", false), ("Ninh Thuận", false), ("Phú Thọ", false), ("Phú Yên", false),
        ("Quảng Bình", false), ("Quảng Nam", false), ("Quảng Ngãi", false), ("Quảng Ninh", false), ("Quảng Trị", false),
        ("Sóc Trăng", false), ("Sơn La", false), ("Tây Ninh", false), ("Thái Bình", false), ("Thái Nguyên", false),
        ("Thanh Hóa", false), ("Thừa Thiên Huế", false), ("Tiền Giang", false), ("Trà Vinh", false), ("Tuyên Quang", false),
        ("Vĩnh Long", false), ("Vĩnh Phúc", false), ("Yên Bái", false),
    ];

    /// <summary>Departments, boards and organisations of a province: code prefix, name, short name, abbreviation, kind.</summary>
    public static readonly (string Code, string Name, string Short, string Abbr, string Kind)[] Departments =
    [
        ("so-noi-vu", "Sở Nội vụ", "Sở Nội vụ", "SNV", "department"),
        ("ban-tdkt", "Ban Thi đua - Khen thưởng", "Ban TĐKT", "BTĐKT", "department"),
        ("hd-tdkt", "Hội đồng Thi đua - Khen thưởng", "Hội đồng TĐKT", "HĐTĐKT", "council"),
        ("hd-sang-kien", "Hội đồng Sáng kiến", "Hội đồng Sáng kiến", "HĐSK", "council"),
        ("hdnd", "Hội đồng nhân dân", "HĐND", "HĐND", "council"),
        ("tinh-uy", "Tỉnh ủy", "Tỉnh ủy", "TU", "party_body"),
        ("ban-tuyen-giao", "Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo", "BTG", "party_body"),
        ("ban-to-chuc", "Ban Tổ chức Tỉnh ủy", "Ban Tổ chức", "BTC", "party_body"),
        ("ban-dan-van", "Ban Dân vận Tỉnh ủy", "Ban Dân vận", "BDV", "party_body"),
        ("ubkt-tinh-uy", "Ủy ban Kiểm tra Tỉnh ủy", "UBKT Tỉnh ủy", "UBKT", "party_body"),
        ("so-gddt", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT", "SGDĐT", "department"),
        ("so-tttt", "Sở Thông tin và Truyền thông", "Sở TT&TT", "STTTT", "department"),
        ("so-tai-chinh", "Sở Tài chính", "Sở Tài chính", "STC", "department"),
        ("so-khdt", "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", "SKHĐT", "department"),
        ("so-tu-phap", "Sở Tư pháp", "Sở Tư pháp", "STP", "department"),
        ("so-y-te", "Sở Y tế", "Sở Y tế", "SYT", "department"),
        ("so-xay-dung", "Sở Xây dựng", "Sở Xây dựng", "SXD", "department"),
        ("so-gtvt", "Sở Giao thông vận tải", "Sở GTVT", "SGTVT", "department"),
        ("so-cong-thuong", "Sở Công Thương", "Sở Công Thương", "SCT", "department"),
        ("so-nn-ptnt", "Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT", "SNN", "department"),
        ("so-tn-mt", "Sở Tài nguyên và Môi trường", "Sở TN&MT", "STNMT", "department"),
        ("so-ldtbxh", "Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH", "SLĐTBXH", "department"),
        ("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch", "Sở VH-TT&DL", "SVHTTDL", "department"),
        ("so-khcn", "Sở Khoa học và Công nghệ", "Sở KH&CN", "SKHCN", "department"),
        ("so-ngoai-vu", "Sở Ngoại vụ", "Sở Ngoại vụ", "SNgV", "department"),
        ("thanh-tra", "Thanh tra tỉnh", "Thanh tra tỉnh", "TTr", "department"),
        ("vp-ubnd", "Văn phòng Ủy ban nhân dân", "Văn phòng UBND", "VPUB", "department"),
        ("vp-doan-dbqh-hdnd", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân", "Văn phòng Đoàn ĐBQH và HĐND", "VPĐĐBQH", "department"),
        ("ban-dan-toc", "Ban Dân tộc", "Ban Dân tộc", "BDT", "department"),
        ("vp-dieu-phoi-ntm", "Văn phòng Điều phối Chương trình mục tiêu quốc gia xây dựng nông thôn mới", "Văn phòng Điều phối nông thôn mới", "VPĐP", "department"),
        ("bql-kcn", "Ban Quản lý các khu chế xuất và công nghiệp", "Ban Quản lý các KCX-CN", "BQLKCN", "department"),
        ("cong-an", "Công an tỉnh", "Công an tỉnh", "CA", "department"),
        ("bo-chqs", "Bộ Chỉ huy Quân sự tỉnh", "Bộ CHQS tỉnh", "BCHQS", "department"),
        ("cuc-thue", "Cục Thuế", "Cục Thuế", "CT", "department"),
        ("cuc-thong-ke", "Cục Thống kê", "Cục Thống kê", "CTK", "department"),
        ("kbnn", "Kho bạc Nhà nước", "Kho bạc Nhà nước", "KBNN", "department"),
        ("bhxh", "Bảo hiểm xã hội", "BHXH", "BHXH", "department"),
        ("nhnn", "Ngân hàng Nhà nước chi nhánh", "NHNN chi nhánh", "NHNN", "department"),
        ("trung-tam-hcc", "Trung tâm Phục vụ hành chính công", "Trung tâm Phục vụ HCC", "TTHCC", "department"),
        ("truong-chinh-tri", "Trường Chính trị", "Trường Chính trị", "TCT", "department"),
        ("benh-vien-da-khoa", "Bệnh viện Đa khoa", "Bệnh viện Đa khoa", "BVĐK", "department"),
        ("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Ủy ban MTTQ Việt Nam", "MTTQ", "mass_organisation"),
        ("ldld", "Liên đoàn Lao động", "Liên đoàn Lao động", "LĐLĐ", "mass_organisation"),
        ("hoi-lhpn", "Hội Liên hiệp Phụ nữ", "Hội LHPN", "HLHPN", "mass_organisation"),
        ("doan-tncs", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Tỉnh đoàn", "TĐ", "mass_organisation"),
        ("hoi-nong-dan", "Hội Nông dân", "Hội Nông dân", "HND", "mass_organisation"),
        ("hoi-ccb", "Hội Cựu chiến binh", "Hội Cựu chiến binh", "HCCB", "mass_organisation"),
        ("lien-minh-htx", "Liên minh Hợp tác xã", "Liên minh HTX", "LMHTX", "mass_organisation"),
        ("hoi-chu-thap-do", "Hội Chữ thập đỏ", "Hội Chữ thập đỏ", "HCTĐ", "mass_organisation"),
        ("bao", "Báo", "Báo", "BÁO", "press"),
        ("dai-ptth", "Đài Phát thanh và Truyền hình", "Đài PT&TH", "ĐPTTH", "press"),
        ("cong-ttdt", "Cổng Thông tin điện tử", "Cổng TTĐT", "CTTĐT", "press"),
    ];

    public static readonly string[] Districts =
    [
        "Châu Thành", "Long Hồ", "Tam Bình", "Bình Minh", "Trà Ôn", "Vũng Liêm", "Mang Thít", "Cái Bè", "Cai Lậy", "Tân Phước",
        "Chợ Gạo", "Gò Công", "Phụng Hiệp", "Vị Thủy", "Long Mỹ", "Ngã Bảy", "Mỹ Tú", "Kế Sách", "Thạnh Trị", "Hồng Dân",
        "Phước Long", "Giá Rai", "Đông Hải", "Tân Hiệp", "Giồng Riềng", "Gò Quao", "An Biên", "Hòn Đất", "Kiên Lương", "Phú Quốc",
    ];

    public static readonly string[] Wards =
    [
        "An Hòa", "An Khánh", "Cái Khế", "Tân An", "Thới Bình", "Xuân Khánh", "Hưng Lợi", "An Bình", "Long Tuyền", "Trà An",
        "Trà Nóc", "Bùi Hữu Nghĩa", "Long Hòa", "Thới An Đông", "Lê Bình", "Hưng Phú", "Hưng Thạnh", "Ba Láng", "Thường Thạnh",
        "Phú Thứ", "Tân Phú", "Châu Văn Liêm", "Thới Hòa", "Thới Long", "Phước Thới", "Trường Lạc", "Thuận An", "Trung Kiên",
        "Tân Lộc", "Thạnh Hòa", "Nhơn Ái", "Nhơn Nghĩa", "Mỹ Khánh", "Giai Xuân", "Tân Thới", "Trường Long", "Trường Thành",
        "Định Môn", "Đông Bình", "Xuân Thắng", "Thạnh Phú", "Trung An", "Thới Xuân", "Đông Hiệp", "Thạnh An", "Vĩnh Trinh",
        "Thạnh Lộc", "Thạnh Quới", "Thạnh Thắng", "Thạnh Tiến", "Vĩnh Bình", "Tân Hòa", "Phú Hưng", "Mỹ Thuận", "Long Hưng",
    ];

    public static readonly string[] PlanTopics =
    [
        "Triển khai công tác thi đua, khen thưởng năm {Y}",
        "Thực hiện công tác cải cách hành chính năm {Y}",
        "Chuyển đổi số và phát triển chính quyền số năm {Y}",
        "Phổ biến, giáo dục pháp luật năm {Y}",
        "Phòng, chống tham nhũng, tiêu cực năm {Y}",
        "Thực hành tiết kiệm, chống lãng phí năm {Y}",
        "Phát động phong trào thi đua yêu nước năm {Y}",
        "Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm {Y}",
        "Công tác dân vận năm {Y}",
        "Bảo đảm an toàn giao thông năm {Y}",
        "Tuyên truyền kỷ niệm các ngày lễ lớn năm {Y}",
        "Nâng cao chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm {Y}",
    ];

    public static readonly string[] Activities =
    [
        "Tổ chức tổng kết công tác thi đua, khen thưởng năm {P} và ký kết giao ước thi đua năm {Y}",
        "Xây dựng và ban hành kế hoạch phát động phong trào thi đua năm {Y}",
        "Tuyên truyền, phổ biến Luật Thi đua, khen thưởng và các văn bản hướng dẫn thi hành",
        "Hướng dẫn các cụm, khối thi đua tổ chức ký kết giao ước thi đua năm {Y}",
        "Kiểm tra công tác thi đua, khen thưởng tại các cơ quan, đơn vị, địa phương",
        "Tổ chức Hội nghị sơ kết 6 tháng đầu năm {Y}",
        "Thẩm định hồ sơ đề nghị khen thưởng cấp Nhà nước đợt {N} năm {Y}",
        "Phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến, gương người tốt việc tốt",
        "Tổ chức tuyên dương học sinh giỏi, sinh viên xuất sắc năm học {P} - {Y}",
        "Triển khai dịch vụ công trực tuyến toàn trình cho các thủ tục hành chính",
        "Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết",
        "Cập nhật cơ sở dữ liệu thi đua, khen thưởng trên phần mềm quản lý",
        "Tập huấn nghiệp vụ công tác thi đua, khen thưởng cho cán bộ làm công tác thi đua",
        "Tổ chức các hoạt động chào mừng kỷ niệm Ngày Quốc khánh 02/9",
        "Xét tặng danh hiệu Chiến sĩ thi đua cơ sở, Lao động tiên tiến năm {Y}",
        "Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội quý {Q}",
        "Triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử",
        "Kiểm tra việc thực hiện quy chế dân chủ ở cơ sở",
        "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư",
        "Phát động phong trào thi đua \"Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau\"",
        "Đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức năm {Y}",
        "Tổ chức Hội nghị điển hình tiên tiến giai đoạn {P5} - {Y}",
        "Hoàn thiện hồ sơ đề nghị tặng Cờ thi đua, Bằng khen của Thủ tướng Chính phủ",
        "Tuyên truyền trên Cổng thông tin điện tử và các phương tiện thông tin đại chúng",
        "Triển khai thực hiện phong trào thi đua \"Đổi mới, sáng tạo trong quản lý, phục vụ nhân dân\"",
        "Khảo sát mức độ hài lòng của người dân đối với sự phục vụ của cơ quan hành chính",
        "Thực hiện công khai, minh bạch tài sản, thu nhập theo quy định",
        "Sơ kết phong trào thi đua \"Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở\"",
        "Tổng hợp kết quả chấm điểm, xếp hạng thi đua các cụm, khối năm {Y}",
        "Rà soát, bổ sung quy chế tổ chức và hoạt động của Hội đồng Thi đua - Khen thưởng",
    ];

    public static readonly string[] ReportSummaries =
    [
        "Đã ban hành văn bản triển khai và hướng dẫn các đơn vị thực hiện.",
        "Đã tổ chức hội nghị quán triệt với sự tham gia của các cơ quan, đơn vị.",
        "Đang tổng hợp báo cáo của các đơn vị trực thuộc.",
        "Đã hoàn thành rà soát hồ sơ, đang trình cấp có thẩm quyền xem xét.",
        "Đã tổ chức kiểm tra tại các đơn vị, ghi nhận kết quả tích cực.",
        "Đã đăng tải tin, bài tuyên truyền trên Cổng thông tin điện tử.",
        "Chưa triển khai do chờ hướng dẫn của cơ quan cấp trên.",
        "Đã hoàn thành nhiệm vụ theo kế hoạch đề ra.",
        "Đã tổ chức tập huấn cho cán bộ làm công tác thi đua, khen thưởng.",
        "Tạm hoãn do điều chỉnh kế hoạch công tác của đơn vị.",
        "Đã tổ chức lễ tuyên dương, khen thưởng các tập thể, cá nhân tiêu biểu.",
        "Đang phối hợp với các cơ quan liên quan hoàn thiện dự thảo.",
    ];

    public static readonly string[] LeadRoles =
    [
        "Cơ quan Thường trực Hội đồng TĐKT", "Cơ quan thường trực", "Cơ quan chủ trì tham mưu",
    ];
}
