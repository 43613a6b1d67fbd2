using System.Net;
using PlanApi.Domain;
using PlanApi.Tests.Features.Plans;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Exports.ExportRequests;
using static PlanApi.Tests.Features.Plans.PlanRequests;
using static PlanApi.Tests.Features.Security.SecurityRequests;

namespace PlanApi.Tests.Features.Exports;

/// <summary>
/// Polling an export with If-None-Match: 304 with the validators of its 200 while the file would be the same, the
/// file again when a report, a new day or who asks changes it. Plans made here involve Cờ Đỏ only.
/// </summary>
public sealed class ExportConditionalGetTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private const string Agency = "co-do";

    private readonly HttpClient _admin = api.CreateClient();

    public static TheoryData<string> Exports() => new() { "csv", "xlsx", "plan calendar", "agency calendar" };

    private static string Url(string export, string planId) => export switch
    {
        "csv" => CsvUrl(planId),
        "xlsx" => XlsxUrl(planId),
        "plan calendar" => PlanIcsUrl(planId),
        _ => AgencyIcsUrl(Agency, "?includeDrafts=true"),
    };

    /// <summary>A plan of <paramref name="lifecycle"/> with item 1 led by Cờ Đỏ, due in January 2023: overdue from February.</summary>
    private async Task<string> PlanAsync(string? lifecycle)
    {
        var planId = await _admin.CreatePlanIdAsync(PlanBody(UniqueNumber(), year: 2023, lifecycle: lifecycle));
        await _admin.CreateItemAsync(planId, ItemBody(1, quarter: 1, lead: Agency, due: Due(2023, 1)));
        return planId;
    }

    private static async Task<HttpResponseMessage> PollAsync(HttpClient client, string url, string etag) =>
        await client.SendAsync(HttpMethod.Get, url, null, ("If-None-Match", etag));

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task A_poll_naming_the_current_ETag_is_304_without_a_body_and_with_the_validators_of_the_200(string export)
    {
        api.SetToday(new DateOnly(2023, 3, 15));
        var url = Url(export, await PlanAsync("published"));
        using var first = await _admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!.ToString();
        Assert.Equal(export == "xlsx", first.Headers.ETag.IsWeak);

        using var notModified = await PollAsync(_admin, url, etag);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag?.ToString());
        Assert.Equal("no-cache", notModified.Headers.CacheControl?.ToString());
        Assert.Equal(first.Headers.Vary, notModified.Headers.Vary);
        Assert.Equal(first.Headers.GetValues("api-supported-versions"), notModified.Headers.GetValues("api-supported-versions"));
        using var other = await PollAsync(_admin, url, "\"AAAAAAAAAAAAAAAAAAAAAAAA\"");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(etag, other.Headers.ETag?.ToString());
    }

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task A_report_stored_by_another_instance_is_in_the_next_poll_at_once(string export)
    {
        api.SetToday(new DateOnly(2023, 3, 15));
        var planId = await PlanAsync("published");
        var url = Url(export, planId);
        using var first = await _admin.GetAsync(url);
        var etag = first.Headers.ETag!.ToString();
        using (var notModified = await PollAsync(_admin, url, etag))
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        // Straight into PostgreSQL: this instance hears of it only from its store check, which a poll does not wait for.
        await api.StoreReportAsync(planId, 1, Agency, ItemStatus.InProgress, 40);

        using var changed = await PollAsync(_admin, url, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag?.ToString());
        Assert.NotEmpty(await changed.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task The_next_day_a_poll_with_yesterdays_ETag_gets_the_file_as_of_today(string export)
    {
        api.SetToday(new DateOnly(2023, 3, 15));
        var url = Url(export, await PlanAsync("published"));
        using var first = await _admin.GetAsync(url);
        var etag = first.Headers.ETag!.ToString();
        using (var sameDay = await PollAsync(_admin, url, etag))
            Assert.Equal(HttpStatusCode.NotModified, sameDay.StatusCode);

        // Item 1 is overdue: one day more of it is another file.
        api.SetToday(new DateOnly(2023, 3, 16));
        using var nextDay = await PollAsync(_admin, url, etag);
        Assert.Equal(HttpStatusCode.OK, nextDay.StatusCode);
        Assert.NotEqual(etag, nextDay.Headers.ETag?.ToString());
    }

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task A_drafts_ETag_never_answers_a_caller_who_may_not_see_the_draft(string export)
    {
        api.SetToday(new DateOnly(2023, 3, 15));
        var url = Url(export, await PlanAsync(lifecycle: null));
        using var first = await _admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!.ToString();
        using (var notModified = await PollAsync(_admin, url, etag))
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var anonymous = await PollAsync(api.CreateAnonymousClient(), url, etag);
        if (export == "agency calendar")
        {
            // The agency's feed is public; without credentials it leaves drafts out: another file, not a 304.
            Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
            Assert.NotEqual(etag, anonymous.Headers.ETag?.ToString());
        }
        else
        {
            await anonymous.ProblemAsync(HttpStatusCode.NotFound);
        }
    }
}
