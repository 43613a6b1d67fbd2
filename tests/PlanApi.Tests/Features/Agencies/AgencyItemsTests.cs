using System.Net;
using System.Text.Json.Nodes;
using PlanApi.Tests.Features.Plans;
using PlanApi.Tests.Features.Security;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Agencies;

/// <summary>
/// GET /api/v1/agencies/{code}/items: an agency's to-do list across plans, on 2023-03-15 (Asia/Ho_Chi_Minh).
/// Plans created here involve only districts, so the seeded Ban TĐKT and Sở GD&amp;ĐT lists stay as seeded.
/// </summary>
public sealed class AgencyItemsTests : IClassFixture<PlanApiFactory>
{
    private static readonly int[] CoordinatedByTdkt = [13, 19, 23];

    private readonly PlanApiFactory _api;
    private readonly HttpClient _client;

    public AgencyItemsTests(PlanApiFactory api)
    {
        _api = api;
        _client = api.CreateClient();
    }

    private static List<int> Ordinals(JsonNode page) =>
        page["items"]!.AsArray().Select(i => i!["ordinal"]!.GetValue<int>()).ToList();

    private async Task<List<JsonNode>> AllPagesAsync(string url)
    {
        var items = new List<JsonNode>();
        string? next = url;
        for (var guard = 0; next is not null && guard < 10; guard++)
        {
            var page = await _client.GetJsonAsync(next);
            items.AddRange(page["items"]!.AsArray().Select(i => i!));
            next = page["next"]?.GetValue<string>();
        }
        return items;
    }

    private static object PlanBody(string issuer, string number, string? lifecycle) => new
    {
        issuerCode = issuer,
        number,
        issuedOn = "2023-01-05",
        year = 2023,
        title = "Kế hoạch thi đua thử nghiệm năm 2023",
        lifecycle,
    };

    private async Task<string> CreatePlanAsync(string issuer, string number, string? lifecycle)
    {
        var plan = await _client.PostJsonAsync("/api/v1/plans", PlanBody(issuer, number, lifecycle), HttpStatusCode.Created);
        Assert.Equal(lifecycle ?? "draft", plan["lifecycle"]!.GetValue<string>());
        return plan["id"]!.GetValue<string>();
    }

    private async Task SetLifecycleAsync(string planId, string issuer, string number, string lifecycle)
    {
        var plan = await _client.PutJsonAsync($"/api/v1/plans/{planId}", PlanBody(issuer, number, lifecycle), HttpStatusCode.OK);
        Assert.Equal(lifecycle, plan["lifecycle"]!.GetValue<string>());
    }

    /// <summary>An item's fields as a PUT sends them (a POST adds the ordinal), due in <paramref name="dueMonth"/> of 2023.</summary>
    private static JsonObject ItemFields(int ordinal, string lead, string[] coordinators, int dueMonth) => new()
    {
        ["quarter"] = (dueMonth + 2) / 3,
        ["content"] = $"Nhiệm vụ thử nghiệm số {ordinal}",
        ["leadAgencyCode"] = lead,
        ["coordinatingAgencyCodes"] = new JsonArray(coordinators.Select(c => (JsonNode?)c).ToArray()),
        ["andRelatedAgencies"] = false,
        ["due"] = new JsonObject { ["year"] = 2023, ["month"] = dueMonth },
        ["dueText"] = $"tháng {dueMonth}/2023",
    };

    private async Task AddItemAsync(string planId, int ordinal, string lead, string[] coordinators, int dueMonth)
    {
        var body = ItemFields(ordinal, lead, coordinators, dueMonth);
        body["ordinal"] = ordinal;
        await _client.PostJsonAsync($"/api/v1/plans/{planId}/items", body, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Education_department_lists_item_19_with_its_lead_and_coordinator()
    {
        var page = await _client.GetJsonAsync("/api/v1/agencies/so-gddt-can-tho/items");

        Assert.Equal([19], Ordinals(page));
        Assert.Equal(1, page["total"]!.GetValue<int>());
        var item = page["items"]![0]!;
        Assert.Equal(SeededPlan.Number, item["planNumber"]!.GetValue<string>());
        Assert.Equal(await SeededPlan.IdAsync(_client), item["planId"]!.GetValue<string>());
        Assert.Equal("so-gddt-can-tho", item["lead"]!["code"]!.GetValue<string>());
        Assert.Equal(["ban-tdkt-can-tho"], item["coordinators"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()));
        Assert.Equal("2023-07-31", item["due"]!["end"]!.GetValue<string>());
        Assert.Equal("not_started", item["status"]!.GetValue<string>());
        Assert.False(item["overdue"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_page_kept_for_many_requests_carries_each_requests_own_next_link()
    {
        await _api.CheckStoreVersionAsync();
        const string path = "/api/v1/agencies/ban-tdkt-can-tho/items";
        var answers = new List<(string Next, string ETag)>();
        foreach (var query in new[] { "?role=lead&limit=5", "?limit=5&role=lead", "?role=lead&limit=5" })
        {
            var response = await _client.GetAsync(path + query);
            var page = await response.JsonAsync(System.Net.HttpStatusCode.OK);
            Assert.Equal([6, 7, 9, 1, 2], Ordinals(page));
            answers.Add((page["next"]!.GetValue<string>(), response.Headers.ETag!.Tag));
        }
        Assert.Equal(path + "?role=lead&limit=5&offset=5", answers[0].Next);
        Assert.Equal(path + "?limit=5&role=lead&offset=5", answers[1].Next);
        Assert.NotEqual(answers[0].ETag, answers[1].ETag);
        Assert.Equal(answers[0], answers[2]);
    }

    [Fact]
    public async Task Ban_TĐKT_as_coordinator_lists_items_13_19_and_23()
    {
        var page = await _client.GetJsonAsync("/api/v1/agencies/ban-tdkt-can-tho/items?role=coordinator");

        Assert.Equal(CoordinatedByTdkt, Ordinals(page));
        Assert.Equal(3, page["total"]!.GetValue<int>());
        Assert.Equal(["ban-tuyen-giao-thanh-uy-can-tho", "so-gddt-can-tho", "vp-dieu-phoi-ntm-can-tho"],
            page["items"]!.AsArray().Select(i => i!["lead"]!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Ban_TĐKT_as_lead_lists_the_other_29_items_soonest_due_first()
    {
        var first = await _client.GetJsonAsync("/api/v1/agencies/ban-tdkt-can-tho/items?role=lead");
        Assert.Equal(29, first["total"]!.GetValue<int>());
        Assert.Equal(20, first["items"]!.AsArray().Count);
        Assert.Equal([6, 7, 9, 1, 2, 3, 4, 5, 8, 10], Ordinals(first).Take(10));
        Assert.Contains("role=lead", first["next"]!.GetValue<string>());

        var all = await AllPagesAsync("/api/v1/agencies/ban-tdkt-can-tho/items?role=lead");
        var ordinals = all.Select(i => i["ordinal"]!.GetValue<int>()).ToList();
        Assert.Equal(Enumerable.Range(1, 32).Except(CoordinatedByTdkt).Order(), ordinals.Order());
        Assert.All(all, i => Assert.Equal("ban-tdkt-can-tho", i["lead"]!["code"]!.GetValue<string>()));
        var dueEnds = all.Select(i => i["due"]!["end"]!.GetValue<string>()).ToList();
        Assert.Equal(dueEnds.Order(StringComparer.Ordinal), dueEnds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?role=any")]
    public async Task Ban_TĐKT_with_any_role_lists_all_32_items(string query)
    {
        var all = await AllPagesAsync($"/api/v1/agencies/ban-tdkt-can-tho/items{query}");
        Assert.Equal(Enumerable.Range(1, 32), all.Select(i => i["ordinal"]!.GetValue<int>()).Order());
    }

    [Fact]
    public async Task Overdue_true_gives_items_6_7_and_9_on_15_March_2023()
    {
        var page = await _client.GetJsonAsync("/api/v1/agencies/ban-tdkt-can-tho/items?overdue=true");

        Assert.Equal([6, 7, 9], Ordinals(page));
        Assert.Equal(3, page["total"]!.GetValue<int>());
        Assert.All(page["items"]!.AsArray(), i => Assert.True(i!["overdue"]!.GetValue<bool>()));
        Assert.Equal([33, 15, 15], page["items"]!.AsArray().Select(i => i!["daysOverdue"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Overdue_false_gives_the_29_items_not_yet_due()
    {
        var all = await AllPagesAsync("/api/v1/agencies/ban-tdkt-can-tho/items?overdue=false");
        Assert.Equal(Enumerable.Range(1, 32).Except([6, 7, 9]), all.Select(i => i["ordinal"]!.GetValue<int>()).Order());
        Assert.All(all, i => Assert.False(i["overdue"]!.GetValue<bool>()));
        Assert.All(all, i => Assert.Equal(0, i["daysOverdue"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Overdue_combines_with_the_role()
    {
        var page = await _client.GetJsonAsync("/api/v1/agencies/ban-tdkt-can-tho/items?role=coordinator&overdue=true");
        Assert.Empty(page["items"]!.AsArray());
        Assert.Equal(0, page["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Status_not_started_lists_every_item_before_any_report_and_completed_none()
    {
        var notStarted = await _client.GetJsonAsync("/api/v1/agencies/ban-tdkt-can-tho/items?status=not_started&limit=100");
        Assert.Equal(32, notStarted["total"]!.GetValue<int>());
        Assert.All(notStarted["items"]!.AsArray(), i => Assert.Equal("not_started", i!["status"]!.GetValue<string>()));

        var completed = await _client.GetJsonAsync("/api/v1/agencies/ban-tdkt-can-tho/items?status=completed");
        Assert.Equal(0, completed["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Year_and_plan_filters_select_the_seeded_plan()
    {
        var planId = await SeededPlan.IdAsync(_client);

        Assert.Equal(3, (await _client.GetJsonAsync("/api/v1/agencies/ban-tdkt-can-tho/items?role=coordinator&year=2023"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await _client.GetJsonAsync("/api/v1/agencies/ban-tdkt-can-tho/items?year=2024"))["total"]!.GetValue<int>());
        Assert.Equal(32, (await _client.GetJsonAsync($"/api/v1/agencies/ban-tdkt-can-tho/items?planId={planId}"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await _client.GetJsonAsync($"/api/v1/agencies/ban-tdkt-can-tho/items?planId={Guid.NewGuid()}"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Agency_without_items_has_an_empty_list()
    {
        var page = await _client.GetJsonAsync("/api/v1/agencies/bao-can-tho/items");
        Assert.Empty(page["items"]!.AsArray());
        Assert.Equal(0, page["total"]!.GetValue<int>());
        Assert.Null(page["next"]);
    }

    [Fact]
    public async Task Paging_follows_next_links_without_gaps_or_repeats()
    {
        var first = await _client.GetJsonAsync("/api/v1/agencies/ban-tdkt-can-tho/items?limit=7&offset=0");
        Assert.Equal(7, first["items"]!.AsArray().Count);
        Assert.Equal(32, first["total"]!.GetValue<int>());

        var all = await AllPagesAsync("/api/v1/agencies/ban-tdkt-can-tho/items?limit=7");
        Assert.Equal(32, all.Count);
        Assert.Equal(32, all.Select(i => i["ordinal"]!.GetValue<int>()).Distinct().Count());
    }

    [Fact]
    public async Task Unknown_agency_is_a_404_problem()
    {
        var problem = await (await _client.GetAsync("/api/v1/agencies/so-khong-co/items")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Agency 'so-khong-co' does not exist.", problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("role=bogus", "role")]
    [InlineData("role=Lead", "role")]
    [InlineData("status=bogus", "status")]
    [InlineData("status=done", "status")]
    [InlineData("overdue=maybe", "overdue")]
    [InlineData("includeDrafts=yes", "includeDrafts")]
    [InlineData("planId=not-a-guid", "planId")]
    [InlineData("year=abc", "year")]
    [InlineData("year=1999", "year")]
    [InlineData("year=2101", "year")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task Invalid_filters_are_a_400_problem_naming_the_parameter(string query, string field)
    {
        var problem = await (await _client.GetAsync($"/api/v1/agencies/ban-tdkt-can-tho/items?{query}"))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.ErrorFields());
    }

    [Fact]
    public async Task Draft_plan_items_are_listed_only_with_includeDrafts()
    {
        var planId = await CreatePlanAsync("co-do", "15/KH-UBND", lifecycle: null);
        await AddItemAsync(planId, 1, lead: "thot-not", coordinators: ["vinh-thanh"], dueMonth: 2);

        var without = await _client.GetJsonAsync("/api/v1/agencies/thot-not/items");
        Assert.Equal(0, without["total"]!.GetValue<int>());
        Assert.Empty(without["items"]!.AsArray());

        var with = await _client.GetJsonAsync("/api/v1/agencies/thot-not/items?includeDrafts=true");
        Assert.Equal(1, with["total"]!.GetValue<int>());
        var item = with["items"]![0]!;
        Assert.Equal(planId, item["planId"]!.GetValue<string>());
        Assert.Equal("15/KH-UBND", item["planNumber"]!.GetValue<string>());
        Assert.Equal(1, item["ordinal"]!.GetValue<int>());
        Assert.Equal("thot-not", item["lead"]!["code"]!.GetValue<string>());
        Assert.True(item["overdue"]!.GetValue<bool>());
        Assert.Equal(15, item["daysOverdue"]!.GetValue<int>());

        Assert.Equal(0, (await _client.GetJsonAsync("/api/v1/agencies/vinh-thanh/items?role=coordinator"))["total"]!.GetValue<int>());
        Assert.Equal(1, (await _client.GetJsonAsync("/api/v1/agencies/vinh-thanh/items?role=coordinator&includeDrafts=true"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await _client.GetJsonAsync("/api/v1/agencies/vinh-thanh/items?role=lead&includeDrafts=true"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await _client.GetJsonAsync("/api/v1/agencies/thot-not/items?includeDrafts=false"))["total"]!.GetValue<int>());
        Assert.Equal(1, (await _client.GetJsonAsync($"/api/v1/agencies/thot-not/items?includeDrafts=true&planId={planId}&overdue=true"))["total"]!.GetValue<int>());

        // Published, the plan's items join the public lists of both agencies.
        await SetLifecycleAsync(planId, "co-do", "15/KH-UBND", "published");
        Assert.Equal([1], Ordinals(await _client.GetJsonAsync("/api/v1/agencies/thot-not/items")));
        Assert.Equal([1], Ordinals(await _client.GetJsonAsync("/api/v1/agencies/vinh-thanh/items?role=coordinator")));
    }

    [Fact]
    public async Task Items_of_published_and_closed_plans_are_listed_without_includeDrafts()
    {
        var planId = await CreatePlanAsync("phong-dien", "21/KH-UBND", lifecycle: "published");
        await AddItemAsync(planId, 1, lead: "thoi-lai", coordinators: [], dueMonth: 9);
        await AddItemAsync(planId, 2, lead: "thoi-lai", coordinators: [], dueMonth: 4);

        var published = await _client.GetJsonAsync("/api/v1/agencies/thoi-lai/items");
        Assert.Equal([2, 1], Ordinals(published));

        await SetLifecycleAsync(planId, "phong-dien", "21/KH-UBND", "closed");

        var closed = await _client.GetJsonAsync("/api/v1/agencies/thoi-lai/items");
        Assert.Equal([2, 1], Ordinals(closed));
    }

    [Fact]
    public async Task The_list_follows_every_change_of_lead_coordinators_due_date_and_deletion()
    {
        var a = await _client.CreateAgencyAsync();
        var b = await _client.CreateAgencyAsync();
        var planId = await CreatePlanAsync("phong-dien", PlanRequests.UniqueNumber(), "published");
        await AddItemAsync(planId, 1, lead: a, coordinators: [b], dueMonth: 6);
        await AddItemAsync(planId, 2, lead: b, coordinators: [a], dueMonth: 5);
        await AddItemAsync(planId, 3, lead: a, coordinators: [], dueMonth: 4);

        async Task<List<int>> ListAsync(string agency, string role = "any")
        {
            var page = await _client.GetJsonAsync($"/api/v1/agencies/{agency}/items?role={role}");
            Assert.Equal(page["items"]!.AsArray().Count, page["total"]!.GetValue<int>());
            return Ordinals(page);
        }

        Assert.Equal([3, 2, 1], await ListAsync(a));
        Assert.Equal([3, 1], await ListAsync(a, "lead"));
        Assert.Equal([2], await ListAsync(a, "coordinator"));
        Assert.Equal([2, 1], await ListAsync(b));

        // Item 1: b leads it now with a co-operating, due in March; item 2 without a; item 3 deleted.
        await _client.PutJsonAsync($"/api/v1/plans/{planId}/items/1", ItemFields(1, b, [a], dueMonth: 3), HttpStatusCode.OK);
        await _client.PutJsonAsync($"/api/v1/plans/{planId}/items/2", ItemFields(2, b, [], dueMonth: 5), HttpStatusCode.OK);
        using (var deleted = await _client.DeleteAsync($"/api/v1/plans/{planId}/items/3"))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        Assert.Equal([1], await ListAsync(a));
        Assert.Equal([], await ListAsync(a, "lead"));
        Assert.Equal([1], await ListAsync(a, "coordinator"));
        Assert.Equal([1, 2], await ListAsync(b, "lead"));
        Assert.Equal([], await ListAsync(b, "coordinator"));
    }

    [Fact]
    public async Task A_new_due_date_alone_moves_the_item_in_its_agencies_lists()
    {
        var lead = await _client.CreateAgencyAsync();
        var coordinator = await _client.CreateAgencyAsync();
        var planId = await CreatePlanAsync("phong-dien", PlanRequests.UniqueNumber(), "published");
        await AddItemAsync(planId, 1, lead, [coordinator], dueMonth: 3);
        await AddItemAsync(planId, 2, lead, [coordinator], dueMonth: 5);
        Assert.Equal([1, 2], Ordinals(await _client.GetJsonAsync($"/api/v1/agencies/{lead}/items")));

        await _client.PutJsonAsync($"/api/v1/plans/{planId}/items/1", ItemFields(1, lead, [coordinator], dueMonth: 9), HttpStatusCode.OK);

        Assert.Equal([2, 1], Ordinals(await _client.GetJsonAsync($"/api/v1/agencies/{lead}/items")));
        Assert.Equal([2, 1], Ordinals(await _client.GetJsonAsync($"/api/v1/agencies/{coordinator}/items")));
    }

    [Fact]
    public async Task Parallel_edits_of_one_items_coordinators_with_one_ETag_give_one_200_the_others_412_and_the_winners_lists()
    {
        var lead = await _client.CreateAgencyAsync();
        var first = await _client.CreateAgencyAsync();
        var candidates = new List<string>();
        for (var i = 0; i < 5; i++) candidates.Add(await _client.CreateAgencyAsync());
        var planId = await CreatePlanAsync("phong-dien", PlanRequests.UniqueNumber(), "published");
        await AddItemAsync(planId, 1, lead, [first], dueMonth: 6);
        var url = $"/api/v1/plans/{planId}/items/1";
        var etag = await _client.ETagAsync(url);

        var statuses = await Task.WhenAll(candidates.Select(code => Task.Run(async () =>
        {
            using var response = await _api.CreateClient(sendsIfMatch: false).SendAsync(HttpMethod.Put, url,
                ItemFields(1, lead, [code], dueMonth: 6), ("If-Match", etag));
            return response.StatusCode;
        })));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.All(statuses.Where(s => s != HttpStatusCode.OK), s => Assert.Equal(HttpStatusCode.PreconditionFailed, s));
        var winner = (await _client.GetJsonAsync(url))["coordinators"]![0]!["code"]!.GetValue<string>();
        foreach (var code in candidates)
            Assert.Equal(code == winner ? [1] : [], Ordinals(await _client.GetJsonAsync($"/api/v1/agencies/{code}/items")));
        Assert.Equal([], Ordinals(await _client.GetJsonAsync($"/api/v1/agencies/{first}/items")));
        Assert.Equal([1], Ordinals(await _client.GetJsonAsync($"/api/v1/agencies/{lead}/items")));
    }

    [Fact]
    public async Task Items_added_while_their_plan_is_published_are_all_in_the_public_lists()
    {
        var lead = await _client.CreateAgencyAsync();
        var number = PlanRequests.UniqueNumber();
        var planId = await CreatePlanAsync("phong-dien", number, lifecycle: null);

        var adds = Enumerable.Range(1, 6).Select(n => Task.Run(() => AddItemAsync(planId, n, lead, [], dueMonth: 6))).ToList();
        // Each added item changes the plan (its item count), so the publication retries with the plan's new ETag.
        var published = HttpStatusCode.PreconditionFailed;
        for (var attempt = 0; attempt < 20 && published == HttpStatusCode.PreconditionFailed; attempt++)
        {
            using var response = await _client.SendAsync(HttpMethod.Put, $"/api/v1/plans/{planId}",
                System.Text.Json.JsonSerializer.SerializeToNode(PlanBody("phong-dien", number, "published")));
            published = response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, published);
        await Task.WhenAll(adds);

        var page = await _client.GetJsonAsync($"/api/v1/agencies/{lead}/items");
        Assert.Equal([1, 2, 3, 4, 5, 6], Ordinals(page).Order().ToList());
    }
}
