using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.BuildingBlocks.Platform;

namespace NotifyHub.BuildingBlocks.Auth;

public static class AuthenticationRegistration
{
    private const string Selector = "NotifyHub";

    /// <summary>
    /// Bearer tokens for <c>/api</c>, cookies for staff pages, both issued by the console module's Identity and
    /// readable by every instance because Data Protection keys live in the shared platform database.
    /// </summary>
    public static IServiceCollection AddNotifyHubAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<PlatformDbContext, SqlitePlatformDbContext, PostgreSqlPlatformDbContext>(
            configuration, PlatformDbContext.SchemaName);
        services.AddDataProtection()
            .SetApplicationName("NotifyHub")
            .PersistKeysToDbContext<PlatformDbContext>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Selector;
                o.DefaultChallengeScheme = Selector;
            })
            .AddPolicyScheme(Selector, "Bearer token or cookie", o => o.ForwardDefaultSelector = SelectScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies();

        services.AddAuthorizationBuilder()
            // Closed by default: an endpoint that names no policy still needs a signed-in user; the few public ones
            // (sign-in, refresh, liveness, signed webhooks) say AllowAnonymous.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Roles.PrivacyOfficer, p => p.RequireRole(Roles.PrivacyOfficer, Roles.Admin))
            .AddPolicy(Roles.Auditor, p => p.RequireRole(Roles.Auditor))
            .AddPolicy(Roles.Supervisor, p => p.RequireRole(Roles.Supervisor))
            .AddPolicy(Roles.Agent, p => p.RequireRole(Roles.Agent, Roles.Supervisor));
        return services;
    }

    // APIs answer 401 rather than redirecting to a login page, whatever they were called with.
    private static string SelectScheme(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") ||
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme;
}
