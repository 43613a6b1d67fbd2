using PlanApi.Domain;

namespace PlanApi.Tests.Unit;

/// <summary>Which agencies a collective assignee names, as plans write it.</summary>
public sealed class CollectiveSetsTests
{
    [Theory]
    [InlineData("Các sở, ban, ngành", CollectiveScope.Departments)]
    [InlineData("các Sở, ban ngành tỉnh", CollectiveScope.Departments)]
    [InlineData("Các sở, ngành", CollectiveScope.Departments)]
    [InlineData("UBND các quận, huyện", CollectiveScope.DistrictCommittees)]
    [InlineData("Ủy ban nhân dân các huyện, thị xã, thành phố", CollectiveScope.DistrictCommittees)]
    [InlineData("UBND cấp huyện", CollectiveScope.DistrictCommittees)]
    [InlineData("UBND các xã, phường, thị trấn", CollectiveScope.CommuneCommittees)]
    [InlineData("các xã, phường, đặc khu", CollectiveScope.CommuneCommittees)]
    [InlineData("UBND cấp xã", CollectiveScope.CommuneCommittees)]
    [InlineData("UBND các quận, huyện và các xã, phường", CollectiveScope.LocalBodies)]
    [InlineData("Các cơ quan, đơn vị, địa phương", CollectiveScope.LocalBodies)]
    public void A_set_the_API_can_list(string written, CollectiveScope scope) => Assert.Equal(scope, CollectiveSets.Recognize(written));

    [Theory]
    [InlineData("các cơ quan liên quan")]
    [InlineData("Các cơ quan, đơn vị liên quan")]
    [InlineData("các doanh nghiệp")]
    [InlineData("các Cụm, Khối thi đua")]
    [InlineData("Các cơ quan, đơn vị")]
    [InlineData("Sở Nội vụ")]
    [InlineData("UBND quận Ninh Kiều")]
    public void Not_a_set(string written) => Assert.Null(CollectiveSets.Recognize(written));
}
