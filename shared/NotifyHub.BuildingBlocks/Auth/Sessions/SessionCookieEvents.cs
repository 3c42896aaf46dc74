using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace NotifyHub.BuildingBlocks.Auth.Sessions;

/// <summary>
/// Sessions for the staff pages' Identity cookie: signing in opens one (the cookie carries its key), every request
/// checks it (this replaces Identity's security-stamp check, which needs the console's user store and so could
/// not run in another module alone; every change that renews the stamp also ends the sessions), signing out ends it.
/// </summary>
internal static class SessionCookieEvents
{
    public static async Task SigningInAsync(CookieSigningInContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<StaffSessionStore>();
        var (userId, vendorId, roles) = SessionClaims.GrantOf(context.Principal!);
        var opened = await sessions.OpenAsync(userId, vendorId, roles, StaffSessionKinds.Cookie, context.HttpContext.RequestAborted);
        context.Principal = SessionClaims.WithSessionKey(context.Principal!, opened.SessionKey);
    }

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var validator = context.HttpContext.RequestServices.GetRequiredService<StaffSessionValidator>();
        if (context.Principal is null ||
            await validator.ValidateAsync(context.Principal, context.HttpContext.RequestAborted) is not { } principal)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }

        // For this request only: the cookie keeps what it had, the session decides each time.
        context.ReplacePrincipal(principal);
        context.ShouldRenew = false;
    }

    public static async Task SigningOutAsync(CookieSigningOutContext context)
    {
        if (SessionClaims.SessionKeyOf(context.HttpContext.User) is { Length: > 0 } sessionKey)
        {
            var sessions = context.HttpContext.RequestServices.GetRequiredService<StaffSessionStore>();
            if (await sessions.FindActiveAsync(sessionKey, context.HttpContext.RequestAborted) is { } session)
            {
                await sessions.RevokeAsync(session.Id, SessionRevocationReasons.Logout, context.HttpContext.RequestAborted);
            }
        }
    }
}
