using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PlanApi.Tests.Features.Import;
using PlanApi.Tests.Infrastructure;
using PlanApi.Tests.Unit.Documents;
using static PlanApi.Tests.Features.Exports.ExportRequests;
using static PlanApi.Tests.Features.Plans.PlanRequests;

namespace PlanApi.Tests.Features.Items;

/// <summary>
/// A plan grouped by subject (I / B, numbering restarting in each group) imported over HTTP: items carry their group and
/// printed label, group= filters them, the status sums them per group and the exports show them. Items written by
/// hand take a group too, and a v1 body without one keeps it.
/// </summary>
public sealed class ItemGroupsTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    private async Task<string> ImportAsync()
    {
        var bytes = Encoding.UTF8.GetBytes(GroupedPlan.Text());
        var plan = await (await _client.PostAsync("/api/v1/plan-imports/commit", ImportForm.Of(bytes, "bac-ninh.txt", replaceDraft: true)))
            .JsonAsync(HttpStatusCode.Created);
        return plan.Text("id");
    }

    private static List<string?> Labels(JsonNode page) => page["items"]!.AsArray().Select(i => i!["label"]?.GetValue<string>()).ToList();

    [Fact]
    public async Task Imported_items_carry_their_group_and_printed_label_and_group_filters_them()
    {
        var planId = await ImportAsync();
        var all = await _client.GetJsonAsync($"{PlansUrl}/{planId}/items?limit=100");
        Assert.Equal([1, 2, 3, 4, 5, 6], all.Ordinals());
        Assert.Equal(["I.1", "I.2", "I.3", "B.1", "B.2", "B.3"], Labels(all));
        var fourth = all["items"]![3]!;
        Assert.Equal("B", fourth["group"]!.Text("label"));
        Assert.Equal("CÔNG TÁC KHEN THƯỞNG", fourth["group"]!.Text("title"));
        Assert.Equal([1, 1, 3, 1, 3, 4], all["items"]!.AsArray().Select(i => i!.Int("quarter")));

        var b = await _client.GetJsonAsync($"{PlansUrl}/{planId}/items?group=B");
        Assert.Equal([4, 5, 6], b.Ordinals());
        var byTitle = await _client.GetJsonAsync($"{PlansUrl}/{planId}/items?group={Uri.EscapeDataString("Công tác tổ chức phong trào thi đua")}");
        Assert.Equal([1, 2, 3], byTitle.Ordinals());
        Assert.Empty((await _client.GetJsonAsync($"{PlansUrl}/{planId}/items?group=IV")).Ordinals());
        Assert.Equal([5], (await _client.GetJsonAsync($"{PlansUrl}/{planId}/items?group=B&quarter=3")).Ordinals());
    }

    [Fact]
    public async Task Status_sums_items_per_group_in_document_order()
    {
        var planId = await ImportAsync();
        var status = await _client.GetJsonAsync($"/api/v1/plans/{planId}/status");
        var groups = status["byGroup"]!.AsArray();
        Assert.Equal(2, groups.Count);
        Assert.Equal(("I", "Công tác tổ chức phong trào thi đua", 3), (groups[0]!.Text("label"), groups[0]!.Text("title"), groups[0]!.Int("total")));
        Assert.Equal(("B", "CÔNG TÁC KHEN THƯỞNG", 3), (groups[1]!.Text("label"), groups[1]!.Text("title"), groups[1]!.Int("total")));
        Assert.All(groups, g => Assert.Equal(0, g!.Int("completed")));
        // The seed plan is grouped by quarter only.
        Assert.Empty((await _client.GetJsonAsync($"/api/v1/plans/{await SeededPlan.IdAsync(_client)}/status"))["byGroup"]!.AsArray());
    }

    [Fact]
    public async Task Exports_show_each_items_printed_number_and_group()
    {
        var planId = await ImportAsync();
        var records = ParseCsv((await _client.GetTextAsync(CsvUrl(planId), "text/csv")).TrimStart('\uFEFF'));
        var label = records[0].IndexOf("Số in (Printed number)");
        Assert.True(label > 0, "no printed-number column");
        Assert.Equal("Nhóm (Group)", records[0][label + 1]);
        Assert.Equal(["I.1", "I.2", "I.3", "B.1", "B.2", "B.3"], records.Skip(1).Select(r => r[label]));
        Assert.Equal("I. Công tác tổ chức phong trào thi đua", records[1][label + 1]);
        Assert.Equal("B. CÔNG TÁC KHEN THƯỞNG", records[6][label + 1]);
    }

    [Fact]
    public async Task Items_written_by_hand_take_a_group_and_label_and_a_v1_body_keeps_them()
    {
        var planId = await _client.CreatePlanIdAsync(PlanBody(UniqueNumber(), year: 2023));
        var body = ItemBody(7);
        body["label"] = "II.3";
        body["group"] = new JsonObject { ["label"] = "II", ["title"] = "Công tác khen thưởng" };
        var created = await _client.CreateItemAsync(planId, body);
        Assert.Equal(("II.3", "II", "Công tác khen thưởng"), (created.Text("label"), created["group"]!.Text("label"), created["group"]!.Text("title")));

        var plain = await _client.CreateItemAsync(planId, ItemBody(8));
        Assert.Equal("8", plain.Text("label"));
        Assert.Null(plain["group"]);

        var updated = await _client.PutJsonAsync($"{PlansUrl}/{planId}/items/7", ItemBody(null, content: "Đổi nội dung"), HttpStatusCode.OK);
        Assert.Equal(("Đổi nội dung", "II.3", "II"), (updated.Text("content"), updated.Text("label"), updated["group"]!.Text("label")));

        var tooLong = ItemBody(9);
        tooLong["group"] = new JsonObject { ["label"] = new string('I', 51), ["title"] = "" };
        var problem = await (await _client.SendJsonAsync(HttpMethod.Post, $"{PlansUrl}/{planId}/items", tooLong.ToJsonString()))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["group.label", "group.title"], problem.ErrorFields().Order());
    }
}
