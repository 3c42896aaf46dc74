using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Security.Claims;
using System.Text.Encodings.Web;

namespace NotifyHub.BuildingBlocks.Auth.Sessions;

/// <summary>
/// The scheme the console's <c>SignInManager</c> signs API users in with (<see cref="SignInScheme"/>). Identity's own
/// bearer handler would answer with a self-contained refresh ticket and no session; this one lets Identity do
/// everything it does (password, lockout, second factor) and only replaces the last step: it opens a session and
/// answers with that session's tokens. Bearer tokens are still read by Identity's bearer scheme.
/// </summary>
public sealed class SessionSignInHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, SessionTokenIssuer issuer)
    : SignInAuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SignInScheme = "NotifyHub.Session";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());

    protected override async Task HandleSignInAsync(ClaimsPrincipal user, AuthenticationProperties? properties)
    {
        var tokens = await issuer.SignInAsync(user, Context.RequestAborted);
        SessionTokenIssuer.NoStore(Response);
        await Response.WriteAsJsonAsync(tokens, Context.RequestAborted);
    }

    protected override Task HandleSignOutAsync(AuthenticationProperties? properties) => Task.CompletedTask;
}
