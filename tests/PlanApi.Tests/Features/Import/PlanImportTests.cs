using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PlanApi.Domain;
using PlanApi.Tests.Infrastructure;
using PlanApi.Tests.Unit.Documents;

namespace PlanApi.Tests.Features.Import;

/// <summary>POST /api/v1/plan-imports (preview) and /commit, over HTTP against PostgreSQL.</summary>
public sealed class PlanImportTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _admin = api.CreateClient();

    private static MultipartFormDataContent Upload(byte[] content, string fileName, bool replaceDraft = false)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (replaceDraft) form.Add(new StringContent("true"), "replaceDraft");
        return form;
    }

    private static byte[] SeedBytes => Encoding.UTF8.GetBytes(SeedFiles.SeedText);

    private async Task<(int Plans, int Items, int Agencies)> CountsAsync()
    {
        await using var db = api.NewDbContext();
        return (await db.Plans.CountAsync(), await db.PlanItems.CountAsync(), await db.Agencies.CountAsync());
    }

    [Fact]
    public async Task Preview_of_the_seed_shows_32_items_no_warnings_and_the_existing_published_plan_and_writes_nothing()
    {
        var before = await CountsAsync();
        var preview = await (await _admin.PostAsync("/api/v1/plan-imports", Upload(SeedBytes, "KH-244-UBND-CanTho-2023.txt")))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal("text", preview["format"]!.GetValue<string>());
        Assert.Equal("244/KH-UBND", preview["plan"]!["number"]!.GetValue<string>());
        Assert.Equal("ubnd-can-tho", preview["plan"]!["issuerCode"]!.GetValue<string>());
        Assert.Equal(32, preview["items"]!.AsArray().Count);
        Assert.Empty(preview["warnings"]!.AsArray());
        Assert.Empty(preview["unresolvedAgencies"]!.AsArray());
        Assert.Equal(await SeededPlan.IdAsync(_admin), preview["existingPlanId"]!.GetValue<string>());
        Assert.False(preview["existingIsDraft"]!.GetValue<bool>());
        var item19 = preview["items"]!.AsArray().Single(i => i!["ordinal"]!.GetValue<int>() == 19)!;
        Assert.Equal("so-gddt-can-tho", item19["leadAgencyCode"]!.GetValue<string>());
        Assert.Equal(7, item19["due"]!["month"]!.GetValue<int>());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_docx_rendering_of_the_seed_previews_to_the_same_items_as_the_text()
    {
        var text = await (await _admin.PostAsync("/api/v1/plan-imports", Upload(SeedBytes, "seed.txt"))).JsonAsync(HttpStatusCode.OK);
        var docx = await (await _admin.PostAsync("/api/v1/plan-imports", Upload(SeedDocx.Build(), "seed.docx"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("docx", docx["format"]!.GetValue<string>());
        Assert.Empty(docx["warnings"]!.AsArray());
        Assert.True(JsonNode.DeepEquals(text["items"], docx["items"]), "The .docx items differ from the text items.");
        Assert.True(JsonNode.DeepEquals(text["plan"], docx["plan"]), "The .docx plan fields differ from the text ones.");
    }

    [Fact]
    public async Task Committing_the_seed_again_is_409_because_it_is_published()
    {
        var before = await CountsAsync();
        var problem = await (await _admin.PostAsync("/api/v1/plan-imports/commit", Upload(SeedBytes, "seed.txt")))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("published", problem["detail"]!.GetValue<string>());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_separate_columns_plan_commits_as_a_draft_with_unverified_agencies_and_can_replace_its_draft()
    {
        var bytes = SeparateColumnsPlan.Docx();
        var preview = await (await _admin.PostAsync("/api/v1/plan-imports", Upload(bytes, "thai-binh.docx"))).JsonAsync(HttpStatusCode.OK);
        var unresolved = preview["unresolvedAgencies"]!.AsArray().Select(a => a!["provisionalCode"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(unresolved);

        var plan = await (await _admin.PostAsync("/api/v1/plan-imports/commit", Upload(bytes, "thai-binh.docx"))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("draft", plan["lifecycle"]!.GetValue<string>());
        Assert.Equal("45/KH-UBND", plan["number"]!.GetValue<string>());
        var planId = plan["id"]!.GetValue<string>();
        var items = await _admin.GetJsonAsync($"/api/v1/plans/{planId}/items?limit=100");
        Assert.Equal(SeparateColumnsPlan.Tasks.Length, items["total"]!.GetValue<int>());
        var six = items["items"]!.AsArray().Single(i => i!["ordinal"]!.GetValue<int>() == 6)!;
        Assert.Equal("mid", six["due"]!["part"]!.GetValue<string>());
        Assert.Equal(11, six["due"]!["month"]!.GetValue<int>());
        var two = items["items"]!.AsArray().Single(i => i!["ordinal"]!.GetValue<int>() == 2)!;
        Assert.Equal("Thường xuyên", two["due"]!["text"]!.GetValue<string>());
        // "Thường xuyên" is an ongoing task (issue 12), no longer approximated to the end of its quarter.
        Assert.Equal("ongoing", two["due"]!["kind"]!.GetValue<string>());
        Assert.False(two["due"]!["endOfQuarter"]!.GetValue<bool>());

        var agency = await _admin.GetJsonAsync($"/api/v1/agencies/{unresolved[0]}");
        Assert.False(agency["verified"]!.GetValue<bool>());
        await (await api.CreateAnonymousClient().GetAsync($"/api/v1/plans/{planId}")).ProblemAsync(HttpStatusCode.NotFound);

        await (await _admin.PostAsync("/api/v1/plan-imports/commit", Upload(bytes, "thai-binh.docx"))).ProblemAsync(HttpStatusCode.Conflict);
        var replaced = await (await _admin.PostAsync("/api/v1/plan-imports/commit", Upload(bytes, "thai-binh.docx", replaceDraft: true)))
            .JsonAsync(HttpStatusCode.Created);
        Assert.NotEqual(planId, replaced["id"]!.GetValue<string>());
        await (await _admin.GetAsync($"/api/v1/plans/{planId}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("empty.txt", "")]
    [InlineData("no-table.txt", "Số: 12/KH-UBND\n\nCần Thơ, ngày 5 tháng 1 năm 2023\n\nKẾ HOẠCH\nThi đua năm 2023\n\nKhông có bảng nhiệm vụ.\n")]
    [InlineData("fake.docx", "this is not a zip")]
    public async Task Unusable_files_are_a_4xx_problem_and_write_nothing(string fileName, string content)
    {
        var before = await CountsAsync();
        var bytes = Encoding.UTF8.GetBytes(content);
        var response = await _admin.PostAsync("/api/v1/plan-imports/commit", Upload(bytes, fileName));
        var problem = await response.ProblemAsync(content.Length == 0 ? HttpStatusCode.BadRequest : HttpStatusCode.UnprocessableEntity);
        Assert.Contains("file", problem.ErrorFields());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Binary_content_is_422_and_says_where()
    {
        var bytes = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256)).ToArray();
        var problem = await (await _admin.PostAsync("/api/v1/plan-imports", Upload(bytes, "scan.pdf"))).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("(at ", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_upload_over_10_MiB_is_413()
    {
        var bytes = new byte[10 * 1024 * 1024 + 1];
        Array.Fill(bytes, (byte)'a');
        var response = await _admin.PostAsync("/api/v1/plan-imports", Upload(bytes, "big.txt"));
        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Plan documents are limited to 10 MiB (10485760 bytes); this one is 10 MiB (10485761 bytes).", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_upload_far_over_the_limit_is_413_before_it_is_read_and_says_both_sizes()
    {
        var bytes = new byte[20 * 1024 * 1024];
        var response = await _admin.PostAsync("/api/v1/plan-imports", Upload(bytes, "huge.docx"));
        var detail = (await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge))["detail"]!.GetValue<string>();
        Assert.StartsWith("Request bodies are limited to 10.06 MiB (10551296 bytes); this one is 20 MiB (", detail);
    }

    [Fact]
    public async Task Imports_are_for_admins_only()
    {
        await (await api.CreateAnonymousClient().PostAsync("/api/v1/plan-imports", Upload(SeedBytes, "seed.txt"))).ProblemAsync(HttpStatusCode.Unauthorized);
        var reader = await api.CreateClientAsync(ClientRole.Reader);
        await (await reader.PostAsync("/api/v1/plan-imports/commit", Upload(SeedBytes, "seed.txt"))).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_request_without_a_file_is_400_naming_file()
    {
        using var form = new MultipartFormDataContent { { new StringContent("true"), "replaceDraft" } };
        var problem = await (await _admin.PostAsync("/api/v1/plan-imports", form)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("file", problem.ErrorFields());
    }
}
