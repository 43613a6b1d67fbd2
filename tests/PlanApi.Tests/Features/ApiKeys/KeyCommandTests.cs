using System.Net;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanApi.Common;
using PlanApi.Domain;
using PlanApi.Features.ApiKeys;
using PlanApi.Tests.Features.Security;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Security.SecurityRequests;

namespace PlanApi.Tests.Features.ApiKeys;

/// <summary>
/// What <c>keys create</c> on the command line relies on: the API's own command, sent outside any HTTP request
/// (the CLI resolves <see cref="ISender"/> from a scope of the app's services, as here).
/// </summary>
public sealed class KeyCommandTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private async Task<T> SendAsync<T>(ICommand<T> command)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    [Fact]
    public async Task First_admin_key_from_the_command_line_works_over_HTTP_and_is_audited_as_the_cli()
    {
        var issued = await SendAsync(new CreateApiKeyCommand("Ban TĐKT thành phố", ClientRole.Admin, null));

        Assert.StartsWith("pk_", issued.Key);
        Assert.Equal(ClientRole.Admin, issued.Role);
        Assert.Null(issued.AgencyCode);
        var client = api.WithKey(issued.Key);
        var keys = await client.GetJsonAsync($"{ApiKeysPath}?limit=100");
        Assert.Contains(issued.Id.ToString(), keys.Items().Select(k => k.Str("id")));

        var audit = (await client.AuditAsync($"resourceType=api_key&resourceKey={issued.Id}")).Items();
        var entry = Assert.Single(audit);
        Assert.Equal("cli", entry.Str("clientId"));
        Assert.StartsWith("command line (", entry.Str("clientName"));
        Assert.Null(entry["keyId"]);
        Assert.Equal("create", entry.Str("action"));
        Assert.Null(entry["before"]);
        Assert.Equal("(shown once to its holder)", entry["after"]!.Str("key"));
        Assert.DoesNotContain(issued.Key, entry.ToJsonString());
    }

    [Fact]
    public async Task Reporter_key_from_the_command_line_reports_for_its_agency()
    {
        var issued = await SendAsync(new CreateApiKeyCommand("Phần mềm QLVB quận Ninh Kiều", ClientRole.Reporter, Education));
        Assert.Equal(Education, issued.AgencyCode);
        var reporter = api.WithKey(issued.Key);
        var planId = await SeededPlan.IdAsync(reporter);
        await (await reporter.PostReportAsync(planId, 19, ReportBody(null))).JsonAsync(HttpStatusCode.Created);
        await (await reporter.PostReportAsync(planId, 6, ReportBody(null))).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(ClientRole.Reporter, null)]
    [InlineData(ClientRole.Reader, Education)]
    public async Task Command_line_mistakes_are_validation_errors_naming_agencyCode(ClientRole role, string? agency)
    {
        var before = await DbCounts.CaptureAsync(api);
        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            SendAsync(new CreateApiKeyCommand("Hệ thống", role, agency)));
        Assert.Equal(["agencyCode"], error.Errors.Keys);
        Assert.Equal(before, await DbCounts.CaptureAsync(api));
    }

    [Fact]
    public async Task Unknown_agency_on_the_command_line_is_an_API_error_and_nothing_is_stored()
    {
        var before = await DbCounts.CaptureAsync(api);
        var error = await Assert.ThrowsAsync<UnprocessableException>(() =>
            SendAsync(new CreateApiKeyCommand("Hệ thống", ClientRole.Reporter, "so-khong-ton-tai")));
        Assert.Equal("agencyCode", error.Field);
        Assert.Equal(before, await DbCounts.CaptureAsync(api));
    }

    [Fact]
    public async Task Revoking_from_the_command_line_stops_the_key_at_once()
    {
        var issued = await SendAsync(new CreateApiKeyCommand("Hệ thống tạm", ClientRole.Reader, null));
        var client = api.WithKey(issued.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{PlansPath}?lifecycle=draft")).StatusCode);
        await SendAsync(new RevokeApiKeyCommand(issued.Id));
        await (await client.GetAsync(AuditPath)).AssertUnauthorizedAsync();
        await using var db = api.NewDbContext();
        Assert.NotNull((await db.ApiKeys.SingleAsync(k => k.Id == issued.Id)).RevokedAt);
    }
}
