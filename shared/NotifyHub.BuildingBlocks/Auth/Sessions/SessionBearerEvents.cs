using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace NotifyHub.BuildingBlocks.Auth.Sessions;

/// <summary>
/// Session checks for bearer tokens. The bearer handler has no "validate principal" event, and a claims
/// transformation can only rewrite a principal, never fail the authentication (a refused token would still count
/// as authenticated, with an empty principal, and would also run for schemes that do not need it). The one hook
/// that can both decide and explain is <c>OnMessageReceived</c>: it reads and unprotects the token as the handler
/// would, then succeeds with the session's principal or fails with a reason — inside the bearer scheme itself, so
/// an endpoint naming that scheme directly is covered too. Cookies get the same check in their
/// <c>OnValidatePrincipal</c> (<see cref="SessionCookieEvents"/>).
/// </summary>
internal static class SessionBearerEvents
{
    private const string Prefix = "Bearer ";

    public static async Task MessageReceivedAsync(MessageReceivedContext context)
    {
        var token = context.Token ?? TokenFromHeader(context.Request.Headers[HeaderNames.Authorization].ToString());
        if (string.IsNullOrEmpty(token))
        {
            return;
        }

        var ticket = context.Options.BearerTokenProtector.Unprotect(token);
        var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires)
        {
            context.Fail("The bearer token is not valid or has expired.");
            return;
        }

        var validator = context.HttpContext.RequestServices.GetRequiredService<StaffSessionValidator>();
        if (await validator.ValidateAsync(ticket.Principal, context.HttpContext.RequestAborted) is not { } principal)
        {
            context.Fail("The bearer token's session does not exist or has ended.");
            return;
        }

        context.Principal = principal;
        context.Properties = ticket.Properties;
        context.Success();
    }

    private static string? TokenFromHeader(string authorization) =>
        authorization.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? authorization[Prefix.Length..].Trim() : null;
}
