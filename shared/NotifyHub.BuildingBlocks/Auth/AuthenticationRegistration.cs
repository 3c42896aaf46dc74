using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth.KeyRing;
using NotifyHub.BuildingBlocks.Auth.Sessions;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.BuildingBlocks.Platform;
using NotifyHub.Privacy.Keys;

namespace NotifyHub.BuildingBlocks.Auth;

public static class AuthenticationRegistration
{
    private const string Selector = "NotifyHub";

    /// <summary>
    /// Bearer tokens for <c>/api</c>, cookies for staff pages, both issued by the console module's Identity and
    /// readable by every instance because Data Protection keys live in the shared platform database, encrypted
    /// under a key derived from the root key. Each token and cookie names a server-side session that every
    /// request is checked against, in whichever module it arrives.
    /// </summary>
    public static IServiceCollection AddNotifyHubAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        // Pooled: every request's session check may open it.
        services.AddModuleDbContext<PlatformDbContext, SqlitePlatformDbContext, PostgreSqlPlatformDbContext>(
            configuration, PlatformDbContext.SchemaName, pooled: true);
        services.AddDataProtection()
            .SetApplicationName("NotifyHub")
            .PersistKeysToDbContext<PlatformDbContext>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<IRootKeyProvider>((o, roots) => o.XmlEncryptor = new RootKeyXmlEncryptor(roots));
        services.AddHostedService<PlaintextKeyPurge>();
        services.AddScoped<IRootKeyRotationParticipant, KeyRingRootRotation>();
        services.AddStaffSessions();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Selector;
                o.DefaultChallengeScheme = Selector;
            })
            .AddPolicyScheme(Selector, "Bearer token or cookie", o => o.ForwardDefaultSelector = SelectScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.Events.OnMessageReceived = SessionBearerEvents.MessageReceivedAsync)
            .AddScheme<AuthenticationSchemeOptions, SessionSignInHandler>(SessionSignInHandler.SignInScheme, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Events.OnSigningIn = SessionCookieEvents.SigningInAsync;
            o.Events.OnValidatePrincipal = SessionCookieEvents.ValidatePrincipalAsync;
            o.Events.OnSigningOut = SessionCookieEvents.SigningOutAsync;
        });

        // Separation of duties: each policy names its own role only. Admin manages accounts and vendors; it does not
        // read, import or mail breach data (PrivacyOfficer) nor audit itself (Auditor). Every policy, the default one
        // included, refuses a restricted token (one-time password or second factor still pending).
        services.AddAuthorizationBuilder()
            // Closed by default: an endpoint that names no policy still needs a signed-in user with a full session; the
            // few public ones (sign-in, refresh, liveness, signed webhooks) say AllowAnonymous.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .AddRequirements(FullSessionRequirement.Instance).Build())
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .AddRequirements(FullSessionRequirement.Instance).Build())
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin).AddRequirements(FullSessionRequirement.Instance))
            .AddPolicy(Roles.PrivacyOfficer, p => p.RequireRole(Roles.PrivacyOfficer).AddRequirements(FullSessionRequirement.Instance))
            .AddPolicy(Roles.Auditor, p => p.RequireRole(Roles.Auditor).AddRequirements(FullSessionRequirement.Instance))
            .AddPolicy(Roles.Supervisor, p => p.RequireRole(Roles.Supervisor).AddRequirements(FullSessionRequirement.Instance))
            .AddPolicy(Roles.Agent, p => p.RequireRole(Roles.Agent, Roles.Supervisor).AddRequirements(FullSessionRequirement.Instance));
        services.AddSingleton<IAuthorizationHandler>(FullSessionRequirement.Instance);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RefusedAccessHandler>();
        return services;
    }

    // APIs answer 401 rather than redirecting to a login page, whatever they were called with.
    private static string SelectScheme(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") ||
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme;
}
