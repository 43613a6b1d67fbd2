using System.Text.Json.Nodes;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Seeds;

/// <summary>The Cần Thơ plan 244/KH-UBND as the run command serves it, checked against the document.</summary>
public sealed class SeededPlanTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    private async Task<List<JsonNode>> AllItemsAsync()
    {
        var id = await SeededPlan.IdAsync(_client);
        var page = await _client.GetJsonAsync($"/api/v1/plans/{id}/items?limit=100");
        return page["items"]!.AsArray().Select(i => i!).ToList();
    }

    [Fact]
    public async Task Plans_list_contains_244_KH_UBND_with_its_metadata()
    {
        var id = await SeededPlan.IdAsync(_client);
        var plan = await _client.GetJsonAsync($"/api/v1/plans/{id}");
        Assert.Equal("244/KH-UBND", plan["number"]!.GetValue<string>());
        Assert.Equal("Triển khai công tác thi đua, khen thưởng năm 2023", plan["title"]!.GetValue<string>());
        Assert.Equal("2022-12-20", plan["issuedOn"]!.GetValue<string>());
        Assert.Equal(2023, plan["year"]!.GetValue<int>());
        Assert.Equal("published", plan["lifecycle"]!.GetValue<string>());
        Assert.Equal(32, plan["itemCount"]!.GetValue<int>());
        Assert.Equal("ubnd-can-tho", plan["issuer"]!["code"]!.GetValue<string>());
        Assert.Equal(["42/NQ-HĐND", "10/CT-UBND"], plan["legalBases"]!.AsArray().Select(b => b!["number"]!.GetValue<string>()));
        Assert.Equal(["a", "b", "c"], plan["purposes"]!.AsArray().Select(p => p!["label"]!.GetValue<string>()));
        Assert.Equal(4, plan["duties"]!.AsArray().Count);
        Assert.Equal("Trần Việt Trường", plan["signature"]!["signer"]!.GetValue<string>());
        Assert.Equal("TM.", plan["signature"]!["authorityPrefix"]!.GetValue<string>());
        Assert.Contains("Văn phòng Chính phủ", plan["recipients"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Items_of_quarter_3_are_ordinals_18_to_24()
    {
        var id = await SeededPlan.IdAsync(_client);
        var page = await _client.GetJsonAsync($"/api/v1/plans/{id}/items?quarter=3");
        Assert.Equal(Enumerable.Range(18, 7), page["items"]!.AsArray().Select(i => i!["ordinal"]!.GetValue<int>()));
        Assert.Equal(7, page["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task All_32_items_with_quarters_10_7_7_8()
    {
        var items = await AllItemsAsync();
        Assert.Equal(Enumerable.Range(1, 32), items.Select(i => i["ordinal"]!.GetValue<int>()));
        var quarters = items.GroupBy(i => i["quarter"]!.GetValue<int>()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<int, int> { [1] = 10, [2] = 7, [3] = 7, [4] = 8 }, quarters);
    }

    [Fact]
    public async Task Item_30_is_whole_across_the_page_break()
    {
        var item = await SeededPlan.ItemAsync(_client, 30);
        var content = item["content"]!.GetValue<string>();
        Assert.EndsWith("năm 2018 của Ủy ban nhân dân thành phố Cần Thơ", content);
        Assert.Contains("Quyết định số 16/2018/QĐ-UBND ngày 08 tháng 8 năm 2018", content);
    }

    [Fact]
    public async Task Item_6_is_due_early_February_2023()
    {
        var due = (await SeededPlan.ItemAsync(_client, 6))["due"]!;
        Assert.Equal(2023, due["year"]!.GetValue<int>());
        Assert.Equal(2, due["month"]!.GetValue<int>());
        Assert.Equal("early", due["part"]!.GetValue<string>());
        Assert.Equal("đầu tháng 02 /2023", due["text"]!.GetValue<string>());
        Assert.Equal("2023-02-01", due["start"]!.GetValue<string>());
        Assert.Equal("2023-02-10", due["end"]!.GetValue<string>());
    }

    [Fact]
    public async Task Item_1_without_due_phrase_is_due_at_the_end_of_Q1_2023()
    {
        var due = (await SeededPlan.ItemAsync(_client, 1))["due"]!;
        Assert.Null(due["month"]);
        Assert.Null(due["text"]);
        Assert.True(due["endOfQuarter"]!.GetValue<bool>());
        Assert.Equal("2023-03-31", due["end"]!.GetValue<string>());
    }

    [Fact]
    public async Task Eighteen_items_carry_a_due_phrase_and_date_ranges_are_not_due_dates()
    {
        var items = await AllItemsAsync();
        var withDue = items.Where(i => i["due"]!["text"] is not null).Select(i => i["ordinal"]!.GetValue<int>()).ToList();
        Assert.Equal([6, 7, 9, 10, 11, 12, 13, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 31], withDue);
        var item2 = items.Single(i => i["ordinal"]!.GetValue<int>() == 2);
        Assert.Contains("(02/01/2004-02/01/2024)", item2["content"]!.GetValue<string>());
        Assert.Equal("late", items.Single(i => i["ordinal"]!.GetValue<int>() == 7)["due"]!["part"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(13, "ban-tuyen-giao-thanh-uy-can-tho")]
    [InlineData(19, "so-gddt-can-tho")]
    [InlineData(23, "vp-dieu-phoi-ntm-can-tho")]
    [InlineData(27, "ban-tdkt-can-tho")]
    [InlineData(1, "ban-tdkt-can-tho")]
    public async Task Leads_are_as_the_document_says(int ordinal, string lead)
    {
        var item = await SeededPlan.ItemAsync(_client, ordinal);
        Assert.Equal(lead, item["lead"]!["code"]!.GetValue<string>());
        Assert.True(item["andRelatedAgencies"]!.GetValue<bool>());
        if (lead != "ban-tdkt-can-tho")
            Assert.Equal(["ban-tdkt-can-tho"], item["coordinators"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Education_department_to_do_list_holds_item_19()
    {
        var page = await _client.GetJsonAsync("/api/v1/agencies/so-gddt-can-tho/items");
        var ordinals = page["items"]!.AsArray().Select(i => i!["ordinal"]!.GetValue<int>()).ToList();
        Assert.Equal([19], ordinals);
    }

    [Fact]
    public async Task Nine_districts_and_the_five_cities_cluster_headed_by_Da_Nang()
    {
        var districts = await _client.GetJsonAsync("/api/v1/agencies?kind=district&limit=100");
        Assert.Equal(9, districts["total"]!.GetValue<int>());
        var groupings = await _client.GetJsonAsync("/api/v1/groupings?year=2023&kind=cum");
        var cluster = groupings["items"]!.AsArray().Single()!;
        Assert.Equal("ubnd-da-nang", cluster["head"]!["code"]!.GetValue<string>());
        Assert.Equal(5, cluster["members"]!.AsArray().Count);
    }
}
