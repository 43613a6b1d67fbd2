using System.Security.Claims;
using PlanApi.Domain;

namespace PlanApi.Common.Security;

/// <summary>The claims every scheme ends in, so that policies and handlers never care how a caller authenticated.</summary>
public static class PlanClaims
{
    public const string ClientId = "planapi:client_id";
    public const string ClientName = "planapi:client_name";
    public const string Role = ClaimTypes.Role;
    public const string Agency = "planapi:agency";
    public const string KeyId = "planapi:key_id";

    public static string? AgencyCode(this ClaimsPrincipal user) => user.FindFirst(Agency)?.Value;
    public static string? Client(this ClaimsPrincipal user) => user.FindFirst(ClientId)?.Value;
    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(RoleName(ClientRole.Admin));
    public static bool CanReadDrafts(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    public static string RoleName(ClientRole role) => EnumNames<ClientRole>.ToName(role);
}

/// <summary>Names of the authorization policies used on endpoints.</summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string Reporter = "reporter";
    public const string Reader = "reader";
}
