using PlanApi.Documents.Parsing;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>Reading "X chủ trì, phối hợp với Y …" into one lead, co-operating agencies and the open-ended flag.</summary>
public sealed class ExecutingUnitsTests
{
    [Fact]
    public void Lead_with_role_and_related_agencies()
    {
        var units = ExecutingUnitsParser.ParseCombined("Ban TĐKT thành phố (Cơ quan Thường trực Hội đồng TĐKT) chủ trì phối hợp với các cơ quan liên quan");
        Assert.Equal(("Ban TĐKT thành phố", "Cơ quan Thường trực Hội đồng TĐKT"), (units.LeadName, units.LeadRole));
        Assert.Empty(units.Coordinators);
        Assert.True(units.AndRelatedAgencies);
        Assert.Empty(units.Problems);
    }

    [Fact]
    public void A_parenthesis_after_a_coordinator_is_its_role_not_another_agency()
    {
        var units = ExecutingUnitsParser.ParseCombined("Văn phòng điều phối Chương trình mục tiêu Quốc gia xây dựng nông thôn mới thành phố Cần Thơ chủ trì, phối hợp với Ban TĐKT thành phố (Cơ quan Thường trực Hội đồng TĐKT) và các cơ quan liên quan");
        Assert.Equal("Văn phòng điều phối Chương trình mục tiêu Quốc gia xây dựng nông thôn mới thành phố Cần Thơ", units.LeadName);
        Assert.Null(units.LeadRole);
        Assert.Equal(["Ban TĐKT thành phố"], units.Coordinators);
        Assert.True(units.AndRelatedAgencies);
    }

    [Fact]
    public void Without_chu_tri_the_agency_before_phoi_hop_leads()
    {
        var units = ExecutingUnitsParser.ParseCombined("Ban TĐKT thành phố (Cơ quan Thường trực Hội đồng TĐKT) phối hợp với các cơ quan liên quan");
        Assert.Equal("Ban TĐKT thành phố", units.LeadName);
        Assert.True(units.AndRelatedAgencies);
    }

    [Fact]
    public void Names_keep_their_own_commas_and_va()
    {
        var units = ExecutingUnitsParser.ParseCombined("Sở Nội vụ chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch, Sở Giáo dục và Đào tạo, Sở Lao động - Thương binh và Xã hội và UBND quận Ninh Kiều");
        Assert.Equal("Sở Nội vụ", units.LeadName);
        Assert.Equal(["Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo", "Sở Lao động - Thương binh và Xã hội", "UBND quận Ninh Kiều"], units.Coordinators);
        Assert.False(units.AndRelatedAgencies);
    }

    [Fact]
    public void Labelled_form()
    {
        var units = ExecutingUnitsParser.ParseCombined("Chủ trì: Sở Tài chính; Phối hợp: Sở Nội vụ, Kho bạc Nhà nước tỉnh");
        Assert.Equal("Sở Tài chính", units.LeadName);
        Assert.Equal(["Sở Nội vụ", "Kho bạc Nhà nước tỉnh"], units.Coordinators);
    }

    [Fact]
    public void A_lead_cell_that_names_only_a_set_keeps_the_set_as_lead()
    {
        var units = ExecutingUnitsParser.ParseCombined("Các sở, ban, ngành chủ trì, phối hợp với UBND các quận, huyện");
        Assert.Equal("Các sở, ban, ngành", units.LeadName);
        Assert.Equal(["UBND các quận, huyện"], units.Coordinators);
        Assert.Equal(["Các sở, ban, ngành", "UBND các quận, huyện"], units.Collectives);
        Assert.Empty(units.Problems);
    }

    [Fact]
    public void A_set_among_co_operating_agencies_keeps_its_place()
    {
        var units = ExecutingUnitsParser.ParseCombined("Sở Nội vụ chủ trì, phối hợp với Sở Nông nghiệp và PTNT, UBND các xã, phường, thị trấn và các cơ quan liên quan");
        Assert.Equal("Sở Nội vụ", units.LeadName);
        Assert.Equal(["Sở Nông nghiệp và PTNT", "UBND các xã, phường, thị trấn"], units.Coordinators);
        Assert.Equal(["UBND các xã, phường, thị trấn"], units.Collectives);
        Assert.True(units.AndRelatedAgencies);
    }

    [Fact]
    public void A_lead_cell_with_nothing_to_lead_is_a_problem()
    {
        var units = ExecutingUnitsParser.ParseCombined("Phối hợp với các cơ quan liên quan");
        Assert.Null(units.LeadName);
        Assert.Single(units.Problems);
    }

    [Fact]
    public void Several_leads_keep_the_first_and_say_so()
    {
        var units = ExecutingUnitsParser.ParseSeparate("Sở Nội vụ\nSở Tài chính", "");
        Assert.Equal("Sở Nội vụ", units.LeadName);
        Assert.Equal(["Sở Tài chính"], units.Coordinators);
        Assert.Single(units.Problems);
    }

    [Fact]
    public void Line_breaks_in_a_word_cell_separate_agencies()
    {
        var units = ExecutingUnitsParser.ParseSeparate("Sở Nội vụ", "Báo Cần Thơ\nĐài Phát thanh và Truyền hình thành phố\nCác cơ quan, đơn vị liên quan");
        Assert.Equal(["Báo Cần Thơ", "Đài Phát thanh và Truyền hình thành phố"], units.Coordinators);
        Assert.True(units.AndRelatedAgencies);
    }
}
