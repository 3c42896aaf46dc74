using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NotifyHub.BuildingBlocks.Auth.Sessions;

namespace NotifyHub.Console.Auth;

/// <summary>
/// Sign-in and the caller's own account. There is deliberately no self-registration: admins create staff. A restricted
/// token (one-time password or second factor pending) reaches only me, password, 2fa/setup and 2fa/enable.
/// </summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApiV1(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/v1/auth").WithTags("Auth");
        auth.MapPost("/login", Login.HandleAsync).WithName("Login").AllowAnonymous()
            .Produces<SessionTokens>();
        auth.MapPost("/refresh", Refresh.HandleAsync).WithName("Refresh").AllowAnonymous();
        auth.MapPost("/logout", Logout.LogoutAsync).WithName("Logout").RequireAuthorization();
        auth.MapPost("/logout-everywhere", Logout.LogoutEverywhereAsync).WithName("LogoutEverywhere").RequireAuthorization();
        auth.MapGet("/me", Me.HandleAsync).WithName("Me").RequireAuthorization();
        auth.MapPost("/password", ChangePassword.HandleAsync).WithName("ChangePassword").RequireAuthorization();

        var twoFactor = auth.MapGroup("/2fa").RequireAuthorization();
        twoFactor.MapPost("/setup", TwoFactor.SetupAsync).WithName("SetUpTwoFactor");
        twoFactor.MapPost("/enable", TwoFactor.EnableAsync).WithName("EnableTwoFactor");
        twoFactor.MapPost("/disable", TwoFactor.DisableAsync).WithName("DisableTwoFactor");
        return endpoints;
    }
}
